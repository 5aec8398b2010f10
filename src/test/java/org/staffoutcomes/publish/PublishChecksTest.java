package org.staffoutcomes.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.staffoutcomes.ingest.DatasetReport;
import org.staffoutcomes.ingest.FileReport;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.CatalogLoader;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.schema.YearRange;

/** Each publish check on counts given by hand: what fails, with which message, and what passes. */
class PublishChecksTest {

  /** orgs (reference), staff, absence, experience: the stage tests' catalog. */
  private static final Catalog STAGE = CatalogLoader.load(Path.of("src/test/resources/stage-catalog"));

  /** Rows per dataset as the test sets them; every other dataset has one row in 2019. */
  private static final class Counts implements PublishChecks.Source {
    final Map<String, DatasetRows> rows = new HashMap<>();
    final Map<String, DatasetReport> reports = new HashMap<>();

    Counts set(String dataset, Map<Integer, Long> years, long total) {
      rows.put(dataset, DatasetRows.of(dataset, total, years));
      return this;
    }

    @Override
    public DatasetRows rows(DatasetDescriptor d) {
      return rows.getOrDefault(d.name(), DatasetRows.of(d.name(), 1, d.period() == null ? Map.of() : Map.of(2019, 1L)));
    }

    @Override
    public SortedSet<String> files(DatasetDescriptor d, int year, int limit) {
      return new TreeSet<>(List.of(d.name() + "/" + d.name() + "_" + year + ".csv"));
    }

    @Override
    public Optional<DatasetReport> report(DatasetDescriptor d) {
      return Optional.ofNullable(reports.get(d.name()));
    }
  }

  private static Catalog withYears(int from, int to) {
    return new Catalog(STAGE.name(), STAGE.title(), STAGE.datasets(), STAGE.analysis(), STAGE.defaults(),
        STAGE.succession(), STAGE.origin(), new YearRange(from, to), null);
  }

  @Test
  void nothingWrongPasses() {
    Verdict v = PublishChecks.evaluate(withYears(2010, 2030), new Counts(), Optional.empty(), 5.0, false);
    assertTrue(v.passed());
    assertTrue(v.publishes());
    assertEquals(4, v.rows().size(), "every dataset's rows are recorded");
  }

  @Test
  void anEmptyOrganisationsReferenceFailsItsOwnCheck() {
    Counts c = new Counts().set("orgs", Map.of(), 0);
    c.reports.put("orgs", new DatasetReport("orgs", "f", false,
        List.of(new FileReport("orgs", "orgs.csv", "sha", 20, 0, 0, 0))));
    Verdict v = PublishChecks.evaluate(STAGE, c, Optional.empty(), null, false);
    assertFalse(v.publishes());
    assertEquals(PublishCheck.NOT_EMPTY, v.first());
    assertEquals(1, v.failed().size(), v.failed().toString());
    String m = v.failed().get(0).message();
    assertTrue(m.startsWith("orgs kept no rows (orgs.csv: 0 rows read, 0 quarantined), and a run needs its rows"
        + " (publish_checks.not_empty"), m);
  }

  @Test
  void anEmptyOutcomeIsNotRequiredUnlessDeclared() {
    Counts c = new Counts().set("experience", Map.of(), 0);
    assertTrue(PublishChecks.evaluate(STAGE, c, Optional.empty(), null, false).passed());
  }

  @Test
  void aYearThatHadRowsAndHasNoneNowFails() {
    Counts c = new Counts().set("experience", Map.of(2019, 2L), 2);
    PublishChecks.Published before = new PublishChecks.Published("20260101T000000Z", List.of(
        DatasetRows.of("experience", 3, Map.of(2019, 2L, 2020, 1L))));
    Verdict v = PublishChecks.evaluate(STAGE, c, Optional.of(before), null, false);
    assertEquals(List.of(PublishCheck.KEEP_YEARS), v.failed().stream().map(FailedCheck::check).toList());
    assertEquals("experience: year 2020 (1 row) had rows in the published bundle 20260101T000000Z and has none now"
        + " (are its files still matched by 'experience_(?<year>\\d{4})\\.csv'? publish_checks.keep_years, "
        + STAGE.dataset("experience").orElseThrow().origin() + ")", v.failed().get(0).message());
    assertEquals("20260101T000000Z", v.baseline());
  }

  @Test
  void aDatasetThatHadRowsAndHasNoneNowFailsOnce() {
    Counts c = new Counts().set("orgs", Map.of(), 0);
    PublishChecks.Published before = new PublishChecks.Published("B", List.of(DatasetRows.of("orgs", 3, Map.of())));
    Verdict v = PublishChecks.evaluate(STAGE, c, Optional.of(before), null, false);
    assertEquals(List.of(PublishCheck.NOT_EMPTY, PublishCheck.KEEP_YEARS),
        v.failed().stream().map(FailedCheck::check).toList());
    assertTrue(v.failed().get(1).message().startsWith("orgs had 3 rows in the published bundle B and has none now"),
        v.failed().get(1).message());
  }

  @Test
  void newYearsAndMoreRowsPass() {
    Counts c = new Counts().set("experience", Map.of(2019, 1L, 2020, 5L, 2021, 1L), 7);
    PublishChecks.Published before = new PublishChecks.Published("B", List.of(
        DatasetRows.of("experience", 3, Map.of(2019, 2L, 2020, 1L))));
    assertTrue(PublishChecks.evaluate(STAGE, c, Optional.of(before), null, false).passed());
  }

  @Test
  void aYearOutsideTheCatalogsRangeFailsNamingItsFile() {
    Counts c = new Counts().set("experience", new TreeMap<>(Map.of(2019, 2L, 2099, 4L)), 6);
    Verdict v = PublishChecks.evaluate(withYears(2012, 2026), c, Optional.empty(), null, false);
    assertEquals(PublishCheck.YEAR_RANGE, v.first());
    assertEquals("experience has rows for 2099 (4 rows, from experience/experience_2099.csv), outside the catalog's"
        + " years 2012-2026 (the year a row's period starts; catalog key years)", v.failed().get(0).message());
  }

  @Test
  void noRangeDeclaredChecksNoYear() {
    Counts c = new Counts().set("experience", Map.of(2099, 4L), 4);
    assertTrue(PublishChecks.evaluate(STAGE, c, Optional.empty(), null, false).passed());
  }

  @Test
  void quarantineAboveTheLimitFailsAndShowsTheShareApartFromTheLimit() {
    DatasetReport r = new DatasetReport("absence", "f", false,
        List.of(new FileReport("absence", "absence.csv", "sha", 1, 2300, 2299, 1)));
    FailedCheck f = PublishChecks.quarantine(r, 0).orElseThrow();
    assertEquals("absence quarantined 0.043% of its rows (1 of 2,300), more than the 0% --max-quarantined-percent"
        + " allows: see lake/quarantine/absence (data/quarantine.csv in the bundle)", f.message());
    assertTrue(PublishChecks.quarantine(r, 0.05).isEmpty());
    assertEquals("5.04", PublishChecks.percent(5.04, "5"));
    assertEquals("29", PublishChecks.percent(28.57, "10"));
  }

  @Test
  void theFirstFailedCheckInCheckOrderGivesTheExitCodeAndPublishAnywayPublishes() {
    Counts c = new Counts().set("experience", Map.of(2099, 4L), 4).set("orgs", Map.of(), 0);
    Verdict v = PublishChecks.evaluate(withYears(2012, 2026), c, Optional.empty(), null, true);
    assertEquals(List.of(PublishCheck.NOT_EMPTY, PublishCheck.YEAR_RANGE),
        v.failed().stream().map(FailedCheck::check).toList());
    assertEquals(PublishCheck.NOT_EMPTY, v.first());
    assertFalse(v.passed());
    assertTrue(v.publishes(), "--publish-anyway");
  }
}
