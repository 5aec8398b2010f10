package org.staffoutcomes.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MeasureThemesTest {

  static final Catalog SAMPLE = CatalogLoader.load("sample", Path.of("data-schemas"));

  static QuestionCatalogue questions() {
    return SAMPLE.datasets().stream().filter(d -> d.survey() != null).findFirst().orElseThrow().survey().catalogue();
  }

  static String label(String scoreId) {
    return questions().score(scoreId).orElseThrow().label();
  }

  /** Every staff measure once, in the catalog's order within its theme; themes in the catalogue's order. */
  @Test
  void everyStaffMeasureOnceGroupedInOrder() {
    List<MeasureThemes.Theme> themes = MeasureThemes.of(SAMPLE);
    List<String> flat = themes.stream().flatMap(t -> t.measures().stream()).map(MeasureInfo::name).toList();
    List<String> all = SAMPLE.staffMeasures().stream().map(MeasureInfo::name).toList();
    assertEquals(all.size(), flat.size());
    assertEquals(new java.util.TreeSet<>(all), new java.util.TreeSet<>(flat));
    for (MeasureThemes.Theme t : themes) {
      List<String> names = t.measures().stream().map(MeasureInfo::name).toList();
      assertEquals(all.stream().filter(names::contains).toList(), names, t.label());
    }
    List<String> order = new ArrayList<>();
    for (QuestionCatalogue.Score s : questions().scores()) {
      boolean part = questions().scores().stream().anyMatch(o -> o.parts().contains(s.id()));
      if (!part && !order.contains(s.themeLabel())) {
        order.add(s.themeLabel());
      }
    }
    order.add(MeasureThemes.OTHER);
    List<String> labels = themes.stream().map(MeasureThemes.Theme::label).toList();
    assertEquals(order.stream().filter(labels::contains).toList(), labels, "the catalogue's order, others last");
  }

  /**
   * A measure goes with the top-level score whose score (or sub-score, or item) it holds: by its value
   * column in a survey dataset, or by its name or value column in the published results.
   */
  @Test
  void measuresGoWithTheirTopLevelScore() {
    Map<String, String> themeOf = MeasureThemes.of(SAMPLE).stream()
        .flatMap(t -> t.measures().stream().map(m -> Map.entry(m.name(), t.label())))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    assertEquals(label("engagement"), themeOf.get("engagement"), "published results, by value column");
    assertEquals(label("engagement"), themeOf.get("engagement_respondents"), "microdata");
    assertEquals(label("engagement"), themeOf.get("engagement_responses_before_2018"), "the earlier-years twin");
    assertEquals(label("morale"), themeOf.get("morale"));
    assertEquals(label("voice_that_counts"), themeOf.get("voice_respondents"));
    assertEquals(label("safe_and_healthy"), themeOf.get("burnout"), "a sub-score goes with its element");
    assertTrue(themeOf.values().stream().noneMatch(l -> l.equals(label("burnout"))), "no theme per sub-score");
    // top-level scores naming one theme share it
    for (String m : List.of("psychological_safety_respondents", "speaking_up_respondents_before_2021")) {
      assertEquals("Speaking-up culture", themeOf.get(m), m);
    }
    for (String m : List.of("no_bullying_from_public_respondents", "no_bullying_from_managers_respondents",
        "no_bullying_from_colleagues_respondents", "no_discrimination_from_public_respondents",
        "no_discrimination_from_colleagues_respondents")) {
      assertEquals("Bullying, harassment and discrimination", themeOf.get(m), m);
    }
  }

  @Test
  void aCatalogWithoutSurveysHasOneGroup() {
    Catalog real = CatalogLoader.load("nhs-staff-wellbeing-2021-2024", Path.of("data-schemas"));
    List<MeasureThemes.Theme> themes = MeasureThemes.of(real);
    assertEquals(1, themes.size());
    assertEquals(MeasureThemes.OTHER, themes.get(0).label());
    assertEquals(real.staffMeasures(), themes.get(0).measures());
  }
}
