package org.staffoutcomes.scores;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.ingest.DatasetReport;
import org.staffoutcomes.ingest.IngestStage;
import org.staffoutcomes.lake.Lake;
import org.staffoutcomes.schema.CatalogLoader;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.schema.QuestionCatalogue;
import org.staffoutcomes.testing.SparkTestBase;

/**
 * A 2023 microdata file as a data team receives it: answers under 2023's codes. Reverse-scored
 * items are turned round, "not applicable" and blank answers are no answer, and an answer code
 * the year does not have sends the row to the quarantine naming the column and the codes.
 */
class MicrodataIngestTest extends SparkTestBase {

  @TempDir Path work;

  @Test
  void answersBecomeFavourablePositionsAndBadCodesAreQuarantined() throws IOException {
    DatasetDescriptor d = CatalogLoader.load("sample", Path.of("data-schemas")).dataset("staff_microdata").orElseThrow();
    QuestionCatalogue.SurveyYear y2023 = d.survey().catalogue().year(2023).orElseThrow();
    List<String> codes = new ArrayList<>(y2023.items().values().stream().map(QuestionCatalogue.ItemCode::code).toList());
    StringBuilder csv = new StringBuilder("Respondent ID,ODS code,Occupation group," + String.join(",", codes) + "\n");
    // q14b: harassment from managers, Never (1) .. More than 10 (5); q16a: discrimination, Yes (1) / No (2)
    csv.append(row("R1", codes, "q2a", "5", "q26a", "5", "q6a", "9", "q14b", "1", "q16a", "2", "q16b", "1"));
    csv.append(row("R2", codes, "q2a", "", "q26a", "1", "q6a", "4", "q14b", "2", "q16a", "1", "q16b", "1"));
    csv.append(row("R3", codes, "q2a", "7", "q26a", "1", "q6a", "4", "q16a", "2", "q16b", "2")); // 7: no answer code of q2a
    Path landing = work.resolve("landing/staff-microdata");
    Files.createDirectories(landing);
    Files.writeString(landing.resolve("NSS2023_respondents.csv"), csv);

    Lake lake = new Lake(spark, work);
    DatasetReport report = new IngestStage(spark, lake).run(d, work.resolve("landing").toUri().toString(), false);
    assertEquals(3, report.rowsRead());
    assertEquals(2, report.rowsKept());
    Row bad = lake.read(lake.quarantine(d.name())).collectAsList().get(0);
    assertEquals(4L, (long) bad.getAs("source_line"));
    String reason = bad.getAs("reason");
    assertEquals("column " + (4 + codes.indexOf("q2a")) + " 'q2a': '7' is not an answer code of this item in this "
        + "survey year (answers [1, 2, 3, 4, 5]; no answer: [blank])", reason);

    List<Row> kept = lake.read(lake.raw(d.name())).orderBy("respondent_id").collectAsList();
    Row r1 = kept.get(0);
    assertEquals(5L, (long) r1.getAs("motivation_look_forward"), "Always is the most favourable answer");
    assertEquals(1L, (long) r1.getAs("leaving_think_about_leaving"), "agreeing to often think of leaving: least favourable");
    assertNull(r1.getAs("compassionate_culture_role_makes_difference"), "not applicable to me: no answer");
    Row r2 = kept.get(1);
    assertNull(r2.getAs("motivation_look_forward"), "blank: not answered");
    assertEquals(5L, (long) r2.getAs("leaving_think_about_leaving"));
    assertEquals(4L, (long) r2.getAs("compassionate_culture_role_makes_difference"));
    // a count question reversed: Never is the most favourable of its five positions
    assertEquals(5L, (long) r1.getAs("bullying_from_managers"), "never bullied by managers");
    assertEquals(4L, (long) r2.getAs("bullying_from_managers"), "1-2 times");
    // yes/no in printed order: No is the favourable position 2
    assertEquals(2L, (long) r1.getAs("discrimination_from_public"), "No");
    assertEquals(1L, (long) r2.getAs("discrimination_from_public"), "Yes");
  }

  /** A respondent answering 3 to everything except the given code/answer pairs. */
  private static String row(String id, List<String> codes, String... answers) {
    StringBuilder r = new StringBuilder(id + ",RXA,Medical and dental");
    for (String c : codes) {
      String a = "3";
      for (int i = 0; i < answers.length; i += 2) {
        if (answers[i].equals(c)) {
          a = answers[i + 1];
        }
      }
      r.append(',').append(a);
    }
    return r.append('\n').toString();
  }
}
