package org.staffoutcomes.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Scoring on a fixture small enough to work by hand: two five-point items A and B scored 0, 2.5,
 * 5, 7.5, 10; sub-scores sA = mean(A) and sB = mean(B); total = mean(sA, sB), both required.
 *
 * <pre>
 * respondent  group  A (score)   B (score)
 * r1          0      5 (10)      4 (7.5)
 * r2          0      3 (5)       -
 * r3          1      -           2 (2.5)
 * r4          1      4 (7.5)     5 (10)
 * </pre>
 */
class SurveyScoringTest {

  private static final double[] FIVE = {0, 2.5, 5, 7.5, 10};
  private static final boolean[] TOP_TWO = {false, false, false, true, true};
  private static final SurveyScoring.Plan PLAN = new SurveyScoring.Plan(
      new double[][] {FIVE, FIVE}, new boolean[][] {TOP_TWO, TOP_TWO},
      new int[][] {{}, {0}, {1}}, new int[][] {{1, 2}, {}, {}});
  private static final int[][] ANSWERS = {{5, 4}, {3, 0}, {0, 2}, {4, 5}};
  private static final int[] GROUP = {0, 0, 1, 1};

  @Test
  void unweightedScoresAreMeansOfRespondentsAndItemsAreMeansOfAnswers() {
    SurveyScoring.Result r = SurveyScoring.score(ANSWERS, new double[] {1, 1, 1, 1}, PLAN);
    assertEquals(7.5, r.itemMean()[0], 1e-12); // (10 + 5 + 7.5) / 3
    assertEquals(20.0 / 3, r.itemMean()[1], 1e-12); // (7.5 + 2.5 + 10) / 3
    assertEquals(200.0 / 3, r.itemPositive()[0], 1e-12); // r1, r4 of 3
    assertEquals(200.0 / 3, r.itemPositive()[1], 1e-12);
    assertArrayEquals(new long[] {3, 3}, r.itemBase());
    // total: only r1 and r4 have both sub-scores, each (x + y) / 2 = 8.75
    assertEquals(8.75, r.score()[0], 1e-12);
    assertEquals(7.5, r.score()[1], 1e-12);
    assertEquals(20.0 / 3, r.score()[2], 1e-12);
    assertArrayEquals(new long[] {2, 3, 3}, r.scoreBase());
  }

  @Test
  void weightsBringTheGroupMixToTheReference() {
    // the organisation is half group 0, half group 1; the reference is 25% / 75%
    double[] w = SurveyScoring.weightsToReference(GROUP, new double[] {0.25, 0.75});
    assertArrayEquals(new double[] {0.5, 0.5, 1.5, 1.5}, w, 1e-15);
    SurveyScoring.Result r = SurveyScoring.score(ANSWERS, w, PLAN);
    assertEquals(18.75 / 2.5, r.itemMean()[0], 1e-12); // (0.5*10 + 0.5*5 + 1.5*7.5) / 2.5
    assertEquals(22.5 / 3.5, r.itemMean()[1], 1e-12); // (0.5*7.5 + 1.5*2.5 + 1.5*10) / 3.5
    assertEquals(100 * 2 / 2.5, r.itemPositive()[0], 1e-12);
    assertEquals(100 * 2 / 3.5, r.itemPositive()[1], 1e-12);
    assertEquals(8.75, r.score()[0], 1e-12);
    assertEquals(22.5 / 3.5, r.score()[2], 1e-12);
    assertArrayEquals(new long[] {3, 3}, r.itemBase(), "bases count respondents, not weights");
  }

  @Test
  void aDistributionIsDividedByItsOwnTotal() {
    // rounded percentages adding up to 101
    assertEquals((10 * 0 + 20 * 2.5 + 30 * 5 + 25 * 7.5 + 16 * 10) / 101.0,
        SurveyScoring.distributionMean(new double[] {10, 20, 30, 25, 16}, FIVE), 1e-12);
    assertEquals(100 * 41 / 101.0,
        SurveyScoring.distributionPositive(new double[] {10, 20, 30, 25, 16}, TOP_TWO), 1e-12);
    assertTrue(Double.isNaN(SurveyScoring.distributionMean(new double[5], FIVE)));
  }

  @Test
  void nobodyAnsweringGivesNoScoreRatherThanZero() {
    SurveyScoring.Result r = SurveyScoring.score(new int[][] {{0, 0}}, new double[] {1}, PLAN);
    assertTrue(Double.isNaN(r.itemMean()[0]));
    assertTrue(Double.isNaN(r.score()[0]));
    assertArrayEquals(new long[] {0, 0, 0}, r.scoreBase());
  }

  /**
   * A percent score (the Freedom to Speak Up index is one) over A and B, and one over a yes/no item
   * C (positions 1 = Yes, 2 = No, positive No) that nobody answered; a mean score over A and B
   * beside them:
   *
   * <pre>
   * respondent  weight  A   B   C
   * r1          0.5     5   4   -
   * r2          0.5     3   4   -
   * r3          1.5     -   1   -
   * r4          1.5     4   2   -
   * </pre>
   *
   * Unweighted, A is 2 of 3 positive and B 2 of 4: the index is (66.7 + 50) / 2, its base the
   * smaller item base, 3. Weighted, A is 2.0 / 2.5 = 80% and B 1.0 / 4.0 = 25%: (80 + 25) / 2.
   */
  @Test
  void aPercentScoreIsTheMeanOfItsItemsPercentagesPositive() {
    SurveyScoring.Plan plan = new SurveyScoring.Plan(new double[][] {FIVE, FIVE, {0, 10}},
        new boolean[][] {TOP_TWO, TOP_TWO, {false, true}}, new int[][] {{0, 1}, {0, 1}, {2}},
        new int[][] {{}, {}, {}}, new boolean[] {false, true, true});
    int[][] answers = {{5, 4, 0}, {3, 4, 0}, {0, 1, 0}, {4, 2, 0}};
    SurveyScoring.Result u = SurveyScoring.score(answers, new double[] {1, 1, 1, 1}, plan);
    assertEquals((200.0 / 3 + 50.0) / 2, u.score()[1], 1e-12);
    assertEquals(3, u.scoreBase()[1], "the smallest of the items' bases");
    assertTrue(Double.isNaN(u.score()[2]), "an item nobody answered: no index, not 0");
    assertEquals(0, u.scoreBase()[2]);
    // the mean score over the same items averages respondents: (8.75 + 6.25 + 0 + 5) / 4
    assertEquals(5.0, u.score()[0], 1e-12);
    SurveyScoring.Result w = SurveyScoring.score(answers, new double[] {0.5, 0.5, 1.5, 1.5}, plan);
    assertEquals((80.0 + 25.0) / 2, w.score()[1], 1e-12);
    assertEquals(3, w.scoreBase()[1]);
    // the distributions of the same answers give the unweighted index to the last bit
    double fromDistributions = SurveyScoring.percentScore(new double[] {
        SurveyScoring.distributionPositive(new double[] {0, 0, 1, 1, 1}, TOP_TWO),
        SurveyScoring.distributionPositive(new double[] {1, 1, 0, 2, 0}, TOP_TWO)}, new int[] {0, 1});
    assertEquals(u.score()[1], fromDistributions, 0.0);
  }

  @Test
  void aPercentScoreNeedsEveryItem() {
    assertTrue(Double.isNaN(SurveyScoring.percentScore(new double[] {70, Double.NaN, 80}, new int[] {0, 1, 2})));
    assertEquals(75.0, SurveyScoring.percentScore(new double[] {70, Double.NaN, 80}, new int[] {0, 2}), 0.0);
    assertTrue(Double.isNaN(SurveyScoring.percentScore(new double[] {70}, new int[] {})));
    assertEquals(4, SurveyScoring.smallestBase(new long[] {9, 4, 7}, new int[] {0, 1, 2}));
    assertEquals(0, SurveyScoring.smallestBase(new long[] {9}, new int[] {}));
  }

  @Test
  void impossibleInputIsRefusedWithAReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SurveyScoring.score(new int[][] {{6, 1}}, new double[] {1}, PLAN));
    assertTrue(e.getMessage().startsWith("Cannot score: respondent 0 item 0 has position 6"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> SurveyScoring.score(ANSWERS, new double[] {1, 1, 0, 1}, PLAN));
    SurveyScoring.Plan cycle = new SurveyScoring.Plan(new double[][] {FIVE}, new boolean[][] {TOP_TWO},
        new int[][] {{}, {}}, new int[][] {{1}, {0}});
    assertThrows(IllegalArgumentException.class,
        () -> SurveyScoring.score(new int[][] {{1}}, new double[] {1}, cycle));
  }
}
