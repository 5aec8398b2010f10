package org.staffoutcomes.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CatalogLoader}: the real catalogs load, and each broken test catalog under
 * {@code src/test/resources/descriptors/broken-*} (one mistake each) is refused with a message
 * naming the file and the mistake.
 */
class CatalogLoaderTest {

  private static Path folder(String name) {
    URL url = CatalogLoaderTest.class.getResource("/descriptors/" + name + "/" + CatalogLoader.CATALOG_FILE);
    if (url == null) {
      throw new IllegalStateException("test resource descriptors/" + name + " is missing");
    }
    try {
      return Path.of(url.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String refusal(String catalogFolder) {
    Path f = folder(catalogFolder);
    return assertThrows(DescriptorException.class, () -> CatalogLoader.load(f)).getMessage();
  }

  @Test
  void sampleCatalogLoads() {
    Catalog c = CatalogLoader.load(Path.of("data-schemas/sample"));
    assertEquals("sample", c.name());
    assertEquals(List.of("organisations", "successors", "staff_survey", "staff_microdata", "staff_survey_responses",
        "shmi", "sickness_absence", "inpatient_survey", "fft_inpatient", "hcai", "ae_attendances", "rtt_waiting",
        "trust_finance", "cqc_ratings"), c.datasets().stream().map(DatasetDescriptor::name).toList());
    assertEquals(Catalog.Succession.RESTATE, c.succession(), "merged trusts are one series");
    assertEquals("engagement", c.analysis().headlineMeasure());
    assertEquals(10, c.analysis().minPairs());
    assertEquals(List.of("shmi", "sickness_absence", "patient_experience", "fft_positive", "mrsa_rate",
        "cdiff_rate", "ae_4hr", "rtt_18wk", "surplus_pct", "cqc_overall"),
        c.outcomes().stream().map(MeasureInfo::name).toList());
    assertTrue(c.measure("cqc_overall").orElseThrow().ordinal(), "CQC ratings are ordinal");
    assertFalse(c.measure("shmi").orElseThrow().ordinal());
    assertEquals(45, c.staffMeasures().size(), "8 published; from microdata 4 declared (engagement, morale, "
        + "voice, speaking up), the speaking-up series before 2021 and the other 30 scores of the question catalogue; "
        + "2 from distributions (before and from the 2018 scale change)");
    assertTrue(c.measure("engagement_responses_before_2018").orElseThrow().scaleChange().earlier());
    DatasetDescriptor absence = c.dataset("sickness_absence").orElseThrow();
    assertEquals(new PeriodSpec("month", null, PeriodFormat.MONTH, "yyyy-MM-dd"), absence.period());
    assertEquals(new AlignSpec(Window.FINANCIAL_YEAR, 0), absence.align());
    assertEquals(Path.of("data-schemas/sample/sickness-absence.yaml").toString(), absence.origin());
  }

  @Test
  void engagementCatalogLoads() {
    Catalog c = CatalogLoader.load(Path.of("data-schemas/nhs-engagement-2012-2018"));
    assertEquals("nhs-engagement-2012-2018", c.name());
    assertEquals(List.of("engagement", "engagement_2017_detailed", "shmi"),
        c.datasets().stream().map(DatasetDescriptor::name).toList());
    assertEquals(List.of("engagement", "motivation", "look_forward_positive", "enthusiastic_positive",
        "time_passes_positive"), c.staffMeasures().stream().map(MeasureInfo::name).toList());
    // survey.scores: [motivation]: the 2017 distributions hold the three motivation items only
    DatasetDescriptor detailed = c.dataset("engagement_2017_detailed").orElseThrow();
    assertEquals(List.of("org_code", "motivation_look_forward__1", "motivation_look_forward__2",
        "motivation_look_forward__3", "motivation_look_forward__4", "motivation_look_forward__5",
        "motivation_look_forward__n"), detailed.columnNames().subList(0, 7));
    assertEquals(1 + 3 * 6, detailed.columnNames().size());
    assertEquals(List.of("motivation"), detailed.survey().heldScores().stream().map(s -> s.id()).toList());
    assertEquals(List.of("shmi"), c.outcomes().stream().map(MeasureInfo::name).toList());
    assertEquals(new PeriodSpec(null, "year", PeriodFormat.YEAR, null), c.dataset("shmi").orElseThrow().period());
    assertEquals("Acute", c.defaultAttribute("trust_type"));
    assertEquals(List.of("", "NA", "-"), c.dataset("engagement").orElseThrow().csv().missing());
  }

  @Test
  void catalogsLoadByNameFromTheSchemasHome() {
    assertEquals("sample", CatalogLoader.load("sample", Path.of("data-schemas")).name());
  }

  @Test
  void unknownCatalogName() {
    DescriptorException e = assertThrows(DescriptorException.class,
        () -> CatalogLoader.load("no-such-catalog", Path.of("data-schemas")));
    assertEquals("Cannot find catalog 'no-such-catalog': not a folder, not under data-schemas, not in the jar",
        e.getMessage());
  }

  @Test
  void theSharedTestDatasetsAreValid() {
    Catalog c = CatalogLoader.load(folder("valid"));
    assertEquals(List.of("shared_staff", "shared_outcome"), c.datasets().stream().map(DatasetDescriptor::name).toList());
    assertEquals("valid", c.title(), "title defaults to the name");
    assertEquals(AlignSpec.calendarYear(), c.datasets().get(0).align(), "align defaults to calendar year, offset 0");
    assertEquals(CsvSpec.defaults(), c.datasets().get(0).csv());
  }

  /** The typo is on line 12 ({@code    higher_is_beter: true}), its key starting in column 5. */
  @Test
  void misspelledPropertyIsRefusedNamingItsLineAndColumn() {
    Path staff = folder("broken-unknown-property").resolve("staff.yaml");
    String message = refusal("broken-unknown-property");
    assertTrue(message.startsWith("Invalid descriptor " + staff + " (line 12, column 5): "), message);
    assertTrue(message.contains("Unrecognized field \"higher_is_beter\""), message);
  }

  /** The typo {@code colums:} is on line 6, column 1 (the file has 10 lines). */
  @Test
  void misspelledTopLevelPropertyIsRefusedNamingItsLineAndColumn() {
    Path staff = folder("broken-unknown-top-level-property").resolve("staff.yaml");
    String message = refusal("broken-unknown-top-level-property");
    assertTrue(message.startsWith("Invalid descriptor " + staff + " (line 6, column 1): "), message);
    assertTrue(message.contains("Unrecognized field \"colums\""), message);
  }

  @Test
  void misspelledPropertyIsRefusedWithALineAndColumnAndTheFieldName() {
    Path staff = folder("broken-unknown-property").resolve("staff.yaml");
    String message = refusal("broken-unknown-property");
    assertTrue(message.matches("Invalid descriptor \\Q" + staff + "\\E \\(line \\d+, column \\d+\\): "
        + "Unrecognized field \"higher_is_beter\" \\(class org\\.staffoutcomes\\.schema\\.MeasureSpec\\), "
        + "not marked as ignorable"), message);
    assertEquals(1, message.lines().count(), message);
  }

  @Test
  void duplicateColumn() {
    assertEquals("Invalid descriptor " + folder("broken-duplicate-column").resolve("staff.yaml")
        + ": column 'engagement_index' is declared twice", refusal("broken-duplicate-column"));
  }

  @Test
  void measureReferringToAnUndeclaredColumn() {
    assertEquals("Invalid descriptor " + folder("broken-undeclared-measure-column").resolve("staff.yaml")
        + ": measure 'engagement' refers to undeclared column 'engagement_n'",
        refusal("broken-undeclared-measure-column"));
  }

  @Test
  void measureWithoutHigherIsBetter() {
    assertEquals("Invalid descriptor " + folder("broken-missing-higher-is-better").resolve("staff.yaml")
        + ": measure 'engagement' must say higher_is_better: true or false",
        refusal("broken-missing-higher-is-better"));
  }

  @Test
  void periodFileGroupThatIsNotANamedGroupOfFiles() {
    assertEquals("Invalid descriptor " + folder("broken-file-group").resolve("staff.yaml")
        + ": period.file_group 'year' is not a named group of files", refusal("broken-file-group"));
  }

  @Test
  void headlineMeasureThatIsNotAStaffMeasure() {
    assertEquals("Invalid catalog " + folder("broken-headline-not-staff").resolve("catalog.yaml")
        + ": analysis.headline_measure 'shmi' is not a staff measure of this catalog",
        refusal("broken-headline-not-staff"));
  }

  @Test
  void measureNameUsedInTwoDatasets() {
    assertEquals("Invalid catalog " + folder("broken-duplicate-measure").resolve("catalog.yaml")
        + ": measure name 'shmi' is used twice", refusal("broken-duplicate-measure"));
  }

  /**
   * A catalog entry naming a file that is not a descriptor (say {@code ../../etc/passwd}) is
   * refused naming the file, without printing its content; a long value quoted by the YAML
   * reader is cut to a short, escaped excerpt.
   */
  @Test
  void anErrorNamesTheFileButNeverPrintsItsContent(@TempDir Path tmp) throws IOException {
    String secret = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n".repeat(20);
    Files.createDirectories(tmp.resolve("etc"));
    Files.writeString(tmp.resolve("etc/passwd"), secret);
    Path catalog = Files.createDirectories(tmp.resolve("a/b/catalog"));
    Files.writeString(catalog.resolve(CatalogLoader.CATALOG_FILE),
        "name: x\ndatasets:\n  - ../../../etc/passwd\nanalysis:\n  headline_measure: e\n");
    String message = assertThrows(DescriptorException.class, () -> CatalogLoader.load(catalog)).getMessage();
    assertEquals("Invalid descriptor " + catalog.resolve("../../../etc/passwd") + " (line 1, column 1): the file is "
        + "not a YAML mapping of keys (it reads as one value of " + secret.length() + " characters)", message);

    Files.writeString(catalog.resolve(CatalogLoader.CATALOG_FILE),
        "name: x\ndatasets: [a.yaml]\nanalysis: \"" + secret.replace("\n", " ") + "\"\n");
    message = assertThrows(DescriptorException.class, () -> CatalogLoader.load(catalog)).getMessage();
    assertTrue(message.startsWith("Invalid descriptor " + catalog.resolve(CatalogLoader.CATALOG_FILE) + " (line 3, "),
        message);
    assertTrue(message.matches(".*\\('root:x:0:0:root:/root:/bin/bash daemon:x\\.\\.\\. \\(1\\d{3} chars\\)'\\)"), message);
    assertTrue(message.length() < 400 && !message.contains("nologin"), message);
  }
}
