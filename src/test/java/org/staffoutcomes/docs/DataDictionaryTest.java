package org.staffoutcomes.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.staffoutcomes.schema.Catalog;

/** What {@link DataDictionary} writes for the real catalogs. */
class DataDictionaryTest {

  private static String markdown() {
    return DataDictionary.markdown(Catalogs.all(Path.of("data-schemas")));
  }

  @Test
  void catalogsAreFoundInNameOrder() {
    List<Catalog> all = Catalogs.all(Path.of("data-schemas"));
    assertEquals(List.of("nhs-engagement-2012-2018", "nhs-staff-wellbeing-2021-2024", "sample"), all.stream().map(Catalog::name).toList());
  }

  @Test
  void everyDatasetColumnAndMeasureIsDocumented() {
    String md = markdown();
    for (Catalog c : Catalogs.all(Path.of("data-schemas"))) {
      assertTrue(md.contains("## Catalog `" + c.name() + "`: " + c.title() + "\n"), c.name());
      c.datasets().forEach(d -> {
        assertTrue(md.contains("### `" + d.name() + "` (" + d.role().name().toLowerCase() + ")"), d.name());
        d.columns().forEach(col -> assertTrue(md.contains("| `" + col.name() + "` | "), col.name()));
        d.measures().forEach(m -> assertTrue(md.contains("| `" + m.name() + "` | "), m.name()));
      });
    }
    assertTrue(md.endsWith(OutputColumns.MARKDOWN));
  }

  /** Researchers look up an item's code in a year here: the renumbering at a glance. */
  @Test
  void theQuestionCatalogueShowsEachItemsCodePerYear() {
    String md = markdown();
    assertTrue(md.contains("| item | text | 2015 | 2016 | 2017 | 2018 | 2019 | 2020 | 2021 | 2022 | 2023 | 2024 | 2025 |\n"), md);
    assertTrue(md.contains("| `advocacy.recommend_work` | I would recommend my organisation as a place to work. "
        + "| - | - | q21c | q21c | - | - | q21c | q23c | q25c | q25c | q25c |\n"), "advocacy renumbered 2021 -> 2022 -> 2023");
    assertTrue(md.contains("| `raising_concerns.know_how_to_report` | If I were concerned about unsafe clinical practice, I "
        + "would know how to report it. | q13a | q13a | q13a | q18a | q18a | q18a | - | - | - | - | - |\n"),
        "an item of the Freedom to Speak Up index, not asked from 2021");
    assertTrue(md.contains("| `ftsu_index` | Freedom to Speak Up index (% agreeing, mean of four items) | % positive of items "
        + "(all required): errors.treated_fairly, errors.encourages_reporting, raising_concerns.know_how_to_report, "
        + "raising_concerns.secure_raising_unsafe_practice |"), "a percent score");
    assertTrue(md.contains("| `leaving.think_about_leaving` | I often think about leaving this organisation. "
        + "| - | - | - | - | - | - | q22a R | q24a R | q26a R |"), "reverse-scored, renumbered, not mapped before 2021");
    assertTrue(md.contains("| `engagement` | Staff engagement | scores motivation, involvement, advocacy (all required) |"));
  }

  @Test
  void formulasAndAlignment() {
    String md = markdown();
    assertTrue(md.contains("| `sickness_absence` | Sickness absence rate | % FTE days lost"
        + " | 100 x sum(fte_days_lost) / sum(fte_days_available) | lower |\n"), md);
    assertTrue(md.contains("| `engagement` | Staff engagement | score 0-10 | mean of engagement weighted by"
        + " engagement_base | higher |\n"), md);
    assertTrue(md.contains("- Period: column `month`, format month `yyyy-MM-dd`\n"
        + "- Survey year Y takes rows wholly inside the financial year starting in Y\n"), md);
    assertTrue(md.contains("- Panel uses only rows with staff_group = All staff groups\n"), md);
    assertTrue(md.contains("| `org_code` | ODS code | string | yes | matches `^[A-Z0-9]{3,5}$` | ODS organisation code |\n"), md);
    assertTrue(md.contains("| `shmi_banding` | SHMI_BANDING | integer | no | 1 to 3 |"), md);
  }
}
