package org.staffoutcomes.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code survey.score_measures}: every score of the question catalogue reaches the panel as a
 * staff measure of the sample's respondent microdata, with its base, its unit and (for mean scores)
 * the 2018 scale change; the speaking-up series changes from the Freedom to Speak Up index to the
 * raising-concerns sub-score in 2021, marked as a break.
 */
class ScoreMeasuresTest {

  static final Catalog SAMPLE = CatalogLoader.load(Path.of("data-schemas/sample"));
  static final DatasetDescriptor MICRODATA = SAMPLE.dataset("staff_microdata").orElseThrow();

  @TempDir Path tmp;

  @Test
  void everyScoreOfTheQuestionCatalogueIsTheValueOfExactlyOneStaffMeasure() {
    QuestionCatalogue q = MICRODATA.survey().catalogue();
    Map<String, List<String>> measuresOfScore = new TreeMap<>();
    for (MeasureSpec m : MICRODATA.measures()) {
      measuresOfScore.computeIfAbsent(m.value(), k -> new ArrayList<>()).add(m.name());
    }
    List<String> problems = new ArrayList<>();
    for (QuestionCatalogue.Score s : q.scores()) {
      List<String> names = measuresOfScore.getOrDefault(s.column(), List.of());
      if (names.size() != 1) {
        problems.add(s.id() + ": measures " + names);
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    assertTrue(q.scores().size() >= 35, "scores: " + q.scores().size());
    // each of them is a staff measure of the catalog, so panel, correlations and trends carry it
    for (MeasureSpec m : MICRODATA.measures()) {
      assertTrue(SAMPLE.staffMeasures().stream().anyMatch(i -> i.name().equals(m.name())), m.name());
      assertEquals(m.value() + SurveyColumns.BASE, m.base(), m.name() + ": its base");
    }
  }

  @Test
  void aGeneratedMeasureIsNamedLabelledAndScaledFromItsScore() {
    MeasureSpec leadership = measure("compassionate_leadership_respondents");
    assertEquals("Compassionate leadership (respondents, weighted)", leadership.label());
    assertEquals("score 0-10", leadership.unit());
    assertEquals("compassionate_leadership", leadership.value());
    assertEquals("compassionate_leadership_base", leadership.base());
    assertTrue(leadership.higherIsBetter());
    assertNull(leadership.scaleChange(), "no year before 2018 maps its items: nothing to rescale");
    // motivation is mapped in 2017, scored 1-5: rescaled onto 0-10 before 2018, as engagement is
    ScaleChange change = measure("motivation_respondents").scaleChange();
    assertEquals(2018, change.year());
    assertEquals(List.of(1.0, 5.0), change.from());
    assertEquals(List.of(0.0, 10.0), change.to());
    assertFalse(change.separate());
    MeasureSpec bullying = measure("no_bullying_from_managers_respondents");
    assertEquals("%", bullying.unit());
    assertNull(bullying.scaleChange(), "a percentage is the same in every year");
    assertTrue(bullying.higherIsBetter(), "the share who were never bullied");
    for (String name : List.of("psychological_safety_respondents", "burnout_respondents",
        "no_bullying_from_public_respondents", "no_bullying_from_colleagues_respondents",
        "no_discrimination_from_public_respondents", "no_discrimination_from_colleagues_respondents",
        "inclusion_respondents", "team_working_respondents", "we_are_a_team_respondents")) {
      assertTrue(SAMPLE.measure(name).isPresent(), name);
    }
    // declared measures keep their names; their scores are not measured twice
    assertTrue(SAMPLE.measure("engagement_respondents").isPresent());
    assertTrue(SAMPLE.measure("engagement_respondents_respondents").isEmpty());
    assertTrue(SAMPLE.measure("voice_that_counts_respondents").isEmpty(), "voice_respondents takes it");
    assertTrue(SAMPLE.measure("ftsu_index_respondents").isEmpty(), "the earlier speaking-up series takes it");
  }

  @Test
  void theSpeakingUpSeriesIsTheFtsuIndexTo2020AndRaisingConcernsFrom2021WithTheBreakMarked() {
    MeasureSpec later = measure("speaking_up_respondents");
    MeasureSpec earlier = measure("speaking_up_respondents_before_2021");
    assertEquals("raising_concerns", later.value());
    assertEquals("raising_concerns_base", later.base());
    assertEquals("ftsu_index", earlier.value());
    assertEquals("ftsu_index_base", earlier.base());
    assertEquals("% agreeing", earlier.unit());
    assertEquals("Freedom to Speak Up index, 2015-2020 (respondents, weighted)", earlier.label());
    assertTrue(later.scaleChange().covers(2021) && !later.scaleChange().covers(2020));
    assertTrue(earlier.scaleChange().covers(2020) && !earlier.scaleChange().covers(2021));
    assertTrue(earlier.scaleChange().earlier());
    String marker = SAMPLE.measure("speaking_up_respondents").orElseThrow().scaleChange().describe();
    assertEquals("2021: FTSU index replaced by raising concerns; earlier years are a separate series", marker);
    assertTrue(earlier.description().contains("the later years are measure speaking_up_respondents"),
        earlier.description());
  }

  @Test
  void mistakesNameTheDescriptorAndTheSetting() throws IOException {
    String ok = "score_measures: {name: '{score}_r', label: '{label} (r)'}";
    assertTrue(load(ok, "").measure("compassionate_leadership_r").isPresent());
    assertRefused(write("score_measures: {name: 'all', label: x}", ""), "m.yaml", "survey.score_measures.name must contain {score}");
    String earlierWithoutSeparate = """
          - name: speak
            value: raising_concerns
            higher_is_better: true
            scale_change: {year: 2021, from: [0, 100], to: [0, 10], earlier_value: ftsu_index}
        """;
    assertRefused(write(ok, earlierWithoutSeparate), "m.yaml", "earlier_value / earlier_base need mode: separate");
    String earlierNotAColumn = earlierWithoutSeparate.replace("earlier_value: ftsu_index", "mode: separate, earlier_value: ftsu");
    assertRefused(write(ok, earlierNotAColumn), "m.yaml", "refers to 'ftsu', not a score table column");
  }

  private static MeasureSpec measure(String name) {
    return MICRODATA.measures().stream().filter(m -> m.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no measure " + name));
  }

  private Catalog load(String surveySetting, String moreMeasures) throws IOException {
    return CatalogLoader.load(write(surveySetting, moreMeasures));
  }

  private static void assertRefused(Path catalog, String where, String what) {
    DescriptorException e = assertThrows(DescriptorException.class, () -> CatalogLoader.load(catalog));
    assertTrue(e.getMessage().contains(where) && e.getMessage().contains(what), e.getMessage());
  }

  /** A catalog of one microdata dataset over the repository's question catalogue. */
  private Path write(String surveySetting, String moreMeasures) throws IOException {
    Path folder = Files.createDirectories(tmp.resolve("c" + System.nanoTime()));
    Files.writeString(folder.resolve("catalog.yaml"), """
        name: t
        datasets: [m.yaml]
        analysis: {headline_measure: engagement_r}
        """);
    Files.writeString(folder.resolve("m.yaml"), """
        name: m
        role: staff
        files: 'm/NSS(?<year>\\d{4})\\.csv'
        organisation: org_code
        period: {file_group: year, format: year}
        key: [respondent_id]
        survey:
          questions: %s
          shape: microdata
          occupation_group: occupation_group
          %s
        columns:
          - {name: respondent_id, type: string, required: true}
          - {name: org_code, type: string, required: true}
          - {name: occupation_group, type: string, required: true}
        measures:
          - {name: engagement_r, value: engagement, base: engagement_base, higher_is_better: true}
        %s""".formatted(Path.of("data-schemas/questions").toAbsolutePath(), surveySetting, moreMeasures));
    return folder;
  }
}
