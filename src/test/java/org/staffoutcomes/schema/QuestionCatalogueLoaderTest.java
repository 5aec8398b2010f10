package org.staffoutcomes.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The question catalogue as the loader reads it, and the mistakes it refuses. */
class QuestionCatalogueLoaderTest {

  @TempDir Path dir;

  private static final String ITEMS = """
      items:
        - {id: motivation.look_forward, text: I look forward to going to work., options: 5}
        - {id: leaving.think_about_leaving, text: I often think about leaving this organisation., options: 5}
      scores:
        - {id: motivation, label: Motivation, items: [motivation.look_forward]}
        - {id: leaving, label: Thinking about leaving, items: [leaving.think_about_leaving]}
        - {id: both, label: Both, parts: [motivation, leaving]}
      """;

  private static final String YEAR = """
      year: 2023
      score_range: [0, 10]
      not_answered: ['']
      scales:
        frequency: {labels: [Never, Rarely, Sometimes, Often, Always], codes: ['1', '2', '3', '4', '5']}
        agree: {labels: [Strongly disagree, Disagree, Neither, Agree, Strongly agree], codes: ['1', '2', '3', '4', '5'], dont_know: ['9']}
      items:
        motivation.look_forward: {code: q2a, scale: frequency}
        leaving.think_about_leaving: {code: q26a, scale: agree, reverse: true}
      """;

  private QuestionCatalogue load(String items, String year2023) throws IOException {
    Files.writeString(dir.resolve("items.yaml"), items);
    Path yearsDir = dir.resolve("years");
    if (Files.isDirectory(yearsDir)) {
      try (var old = Files.list(yearsDir)) {
        for (Path f : old.toList()) {
          Files.delete(f);
        }
      }
    }
    Files.createDirectories(yearsDir);
    Files.writeString(yearsDir.resolve("2023.yaml"), year2023); // whatever its year line says
    return CatalogLoader.questionsIn(dir);
  }

  @Test
  void reverseScoredItemsAreTurnedRoundAndUnscoredCodesAreKnown() throws IOException {
    QuestionCatalogue q = load(ITEMS, YEAR);
    QuestionCatalogue.SurveyYear y = q.year(2023).orElseThrow();
    assertEquals(List.of("1", "2", "3", "4", "5"), y.favourableCodes("motivation.look_forward"));
    assertEquals(List.of("5", "4", "3", "2", "1"), y.favourableCodes("leaving.think_about_leaving"));
    assertEquals(List.of("Strongly agree", "Agree", "Neither", "Disagree", "Strongly disagree"),
        y.favourableLabels("leaving.think_about_leaving"));
    assertEquals(List.of("", "9"), y.unscoredCodes("leaving.think_about_leaving"));
    assertEquals(List.of(0.0, 2.5, 5.0, 7.5, 10.0), java.util.Arrays.stream(y.scores(5)).boxed().toList());
    assertEquals(List.of(4, 5), q.item("motivation.look_forward").orElseThrow().positivePositions());
  }

  @Test
  void anItemNeitherMappedNorStatedAbsentIsRefusedWithItsPlace() throws IOException {
    String withoutLeaving = YEAR.replace("  leaving.think_about_leaving: {code: q26a, scale: agree, reverse: true}\n", "");
    DescriptorException e = assertThrows(DescriptorException.class, () -> load(ITEMS, withoutLeaving));
    assertTrue(e.getMessage().contains("2023.yaml (line 7, column 1)")
        && e.getMessage().contains("not stated: [leaving.think_about_leaving]"), e.getMessage());
    String stated = withoutLeaving + "absent:\n  leaving.think_about_leaving: not asked in 2023\n";
    assertTrue(load(ITEMS, stated).year(2023).orElseThrow().item("leaving.think_about_leaving").isEmpty());
  }

  @Test
  void otherMistakesNameTheFileAndTheEntry() throws IOException {
    assertRefused(ITEMS, YEAR.replace("code: q26a", "code: q2a"),
        "2023.yaml (line 8, column 3)", "code 'q2a' is used by both");
    assertRefused(ITEMS, YEAR.replace("scale: agree, reverse", "scale: agreed, reverse"),
        "2023.yaml", "scale 'agreed' is not defined");
    assertRefused(ITEMS, YEAR.replace("codes: ['1', '2', '3', '4', '5'], dont_know", "codes: ['1', '2', '3', '4'], dont_know"),
        "2023.yaml (line 6, column 3)", "scale 'agree' needs as many codes as labels");
    assertRefused(ITEMS, YEAR.replace("dont_know: ['9']", "dont_know: ['5']"), "2023.yaml", "dont_know code '5'");
    assertRefused(ITEMS, YEAR.replace("year: 2023", "year: 2022"), "2023.yaml", "year must be 2023");
    assertRefused(ITEMS.replace("parts: [motivation, leaving]", "parts: [motivation, both]"), YEAR,
        "items.yaml", "scores form a cycle");
    assertRefused(ITEMS.replace("items: [motivation.look_forward]", "items: [motivation.look_fwd]"), YEAR,
        "items.yaml (line 5, column 10)", "names item 'motivation.look_fwd'");
  }

  @Test
  void aPercentScoreIsReadAndMustBeOverItemsAndNoOtherScoresPart() throws IOException {
    String withIndex = ITEMS + "  - {id: index, label: Index, kind: percent, items: [motivation.look_forward, "
        + "leaving.think_about_leaving]}\n";
    QuestionCatalogue q = load(withIndex, YEAR);
    assertTrue(q.score("index").orElseThrow().percent());
    assertEquals(QuestionCatalogue.Kind.MEAN, q.score("both").orElseThrow().kind(), "the default kind");
    assertRefused(ITEMS.replace("{id: both, label: Both, parts", "{id: both, label: Both, kind: percent, parts"), YEAR,
        "items.yaml (line 7, column 10)", "score 'both' of kind percent needs items");
    assertRefused(withIndex + "  - {id: mixed, label: Mixed, parts: [motivation, index]}\n", YEAR,
        "items.yaml", "score 'mixed' names part 'index', a percent score");
    assertRefused(withIndex.replace("kind: percent", "kind: share"), YEAR, "items.yaml", "share");
  }

  private void assertRefused(String items, String year, String where, String what) {
    DescriptorException e = assertThrows(DescriptorException.class, () -> load(items, year));
    assertTrue(e.getMessage().contains(where) && e.getMessage().contains(what), e.getMessage());
  }
}
