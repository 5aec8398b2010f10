package org.staffoutcomes.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.analysis.AnalysisResults;
import org.staffoutcomes.analysis.AnalysisStage;
import org.staffoutcomes.analysis.AnalysisTables;
import org.staffoutcomes.config.Workspace;
import org.staffoutcomes.lake.LakePaths;
import org.staffoutcomes.panel.PanelTable;
import org.staffoutcomes.panel.Succession;
import org.staffoutcomes.schema.AnalysisSpec;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.CatalogLoader;
import org.staffoutcomes.standing.PositionRow;

/**
 * The trust pages of a small rendered bundle: a hand-made panel of twelve organisations over nine
 * years (one formed in 2020 by a merger of two predecessors; one named like a script, one like a
 * spreadsheet formula) through the analysis, the lake's analysis tables and the render stage's own
 * chart step. Every number of every page is followed to its CSV row.
 */
class TrustPagesTest {

  static final Path STANDING_CATALOG = Path.of("src/test/resources/stage-catalog-standing");
  static final String SCRIPT_NAME = "<script>alert('x')</script> & Sons";
  static final String FORMULA_NAME = "=HYPERLINK(\"http://example.invalid\",\"click\")";
  static final String MERGED = "M1";
  static final int FORMED = 2020;
  static final List<String> COLUMNS = List.of("org_code", "survey_year", "org_name", "trust_type", "benchmark_group",
      "region", "succession", "engagement", "engagement_n", "speak_up", "speak_up_n", "mortality", "mortality_num",
      "mortality_den", "absence", "absence_num", "absence_den", "experience", "mortality_lag1", "absence_lag1",
      "experience_lag1");
  /** A number linked to its CSV row. */
  static final Pattern LINK = Pattern.compile(
      "<a href=\"\\.\\./data/([a-z_]+\\.csv)#row=(\\d+)&amp;col=([a-z_0-9-]+)\">([^<]*)</a>");

  @TempDir static Path work;
  static Path bundle;
  static Catalog catalog;
  static AnalysisResults results;
  static List<String> orgs = new ArrayList<>();

  @BeforeAll
  static void render() throws IOException {
    Catalog base = CatalogLoader.load(STANDING_CATALOG);
    catalog = new Catalog(base.name(), "Trusts & <b>sons</b>", base.datasets(), new AnalysisSpec("engagement", 4,
        null, null, null, null, base.analysis().funnels(), null, List.of("speak_up")), base.defaults(),
        Catalog.Succession.RESTATE, base.origin());
    AnalysisResults computed = AnalysisStage.analyse(catalog, new PanelTable(COLUMNS, panel()),
        new Succession.Table(Map.of("P1", MERGED, "P2", MERGED), Map.of(MERGED, FORMED)));
    LakePaths lake = new LakePaths(work);
    AnalysisTables.write(lake, computed);
    results = AnalysisTables.read(lake);
    RenderStage stage = new RenderStage(catalog, new Workspace(work));
    bundle = new BundleWriter(work.resolve("bundles")).writeUnpublished(BundleFixtures.run("20240501T020000Z"),
        new BundleData(results.correlations(), results.trends(), null, List.of()),
        folder -> stage.drawCharts(folder, results));
  }

  /**
   * Twelve organisations in two groups, 2016-2024, values drawn with a fixed seed; each outcome also
   * one year later ({@code _lag1}), as the panel has it.
   */
  static List<Object[]> panel() {
    Random random = new Random(11);
    List<Object[]> rows = new ArrayList<>();
    for (String org : List.of("A1", "A2", "A3", "A4", "A5", "A6", MERGED, "B1", "B2", "B3", "B4", "B5")) {
      orgs.add(org);
      String name = org.equals("A1") ? SCRIPT_NAME : org.equals("A2") ? FORMULA_NAME : "Trust " + org;
      String group = org.startsWith("B") ? "Community & <mental health>" : "Acute";
      double culture = random.nextGaussian();
      List<Object[]> years = new ArrayList<>();
      for (int year = 2016; year <= 2024; year++) {
        String succession = !org.equals(MERGED) ? "" : "restated: includes predecessors P1, P2; this year: "
            + (year < FORMED ? "the predecessors' results combined" : "its own results") + " (M1 formed 2020)";
        double n = 300 + random.nextInt(600);
        Double speakUp = org.equals("B5") && year == 2018 ? null
            : Math.round(600 + 40 * culture + 30 * random.nextGaussian()) / 10.0;
        double expected = 200 + random.nextInt(1800);
        double observed = Math.round(expected * (1 - 0.05 * culture + 0.08 * random.nextGaussian()));
        double available = 10_000 + random.nextInt(50_000);
        double lost = Math.round(available * (0.045 - 0.004 * culture + 0.003 * random.nextGaussian()));
        years.add(new Object[] {org, year, name, org.startsWith("B") ? "Community" : "Acute", group,
            org.compareTo("A4") < 0 ? "North" : "South", succession, 6.8 + 0.3 * culture + 0.1 * random.nextGaussian(),
            n, speakUp, speakUp == null ? null : n, observed / expected, observed, expected, 100 * lost / available,
            lost, available, 7.5 + 0.2 * culture + 0.1 * random.nextGaussian(), null, null, null});
      }
      for (int k = 0; k + 1 < years.size(); k++) {
        Object[] next = years.get(k + 1);
        Object[] row = years.get(k);
        row[18] = next[11];
        row[19] = next[14];
        row[20] = next[17];
      }
      rows.addAll(years);
    }
    return rows;
  }

  @Test
  void everyNumberOfEveryPageLinksToTheCsvRowHoldingIt() throws IOException {
    Map<String, List<CSVRecord>> csvs = new HashMap<>();
    int links = 0;
    for (String org : orgs) {
      String page = page(TrustPages.fileName(org));
      int before = links;
      links += checkLinks(page, org, csvs);
      assertEveryNumberIsLinked(page, org);
      assertTrue(links - before > 100, org + ": only " + (links - before) + " linked numbers");
    }
    links += checkLinks(page(TrustPages.INDEX), null, csvs);
    links += checkLinks(page(TrustPages.CULTURE), null, csvs);
    assertTrue(links > 2000, links + " links");
    try (Stream<Path> pages = Files.list(bundle.resolve(TrustPages.FOLDER))) {
      assertEquals(orgs.size() + 2, pages.count(), "a page per organisation, the index and the culture table");
    }
  }

  /**
   * No table cell of a profile page holds a number that is not linked to its row (years, which
   * label a row, aside; cells of text such as the wording of an association aside).
   */
  private static void assertEveryNumberIsLinked(String page, String org) {
    Matcher cell = Pattern.compile("<td[^>]*>(.*?)</td>").matcher(page);
    int cells = 0;
    while (cell.find()) {
      if (cell.group().startsWith("<td class=\"text\"")) {
        continue;
      }
      String rest = cell.group(1).replaceAll("<a href=\"\\.\\./data/[^\"]*\">[^<]*</a>", "")
          .replaceAll("<[^>]+>", "").replaceAll("\\b(19|20)\\d\\d\\b", "");
      assertFalse(rest.matches("(?s).*\\d.*"), org + ": a number without its row in " + cell.group());
      cells++;
    }
    assertTrue(cells > 100, org + ": " + cells + " cells");
  }

  /** Follows every linked number of {@code page} to its row; the row is {@code org}'s when it has an org_code. */
  private static int checkLinks(String page, String org, Map<String, List<CSVRecord>> csvs) throws IOException {
    Matcher m = LINK.matcher(page);
    int count = 0;
    while (m.find()) {
      String file = m.group(1);
      int line = Integer.parseInt(m.group(2));
      String column = m.group(3);
      String shown = unescape(m.group(4));
      List<CSVRecord> rows = csvs.computeIfAbsent(file, TrustPagesTest::csv);
      assertTrue(line >= 2 && line - 2 < rows.size(), file + " has no line " + line);
      CSVRecord row = rows.get(line - 2);
      String[] parts = column.split("-");
      double value = Double.parseDouble(row.get(parts[0]));
      if (parts.length == 2) {
        value -= Double.parseDouble(row.get(parts[1]));
      }
      assertEquals(PageNumbers.shown(column, value), shown.startsWith("+") ? shown.substring(1) : shown,
          file + " line " + line + " column " + column);
      if (org != null && row.isMapped("org_code")) {
        assertEquals(org, row.get("org_code"), file + " line " + line + " is another organisation's");
      }
      count++;
    }
    return count;
  }

  @Test
  void aMergedTrustsPageMarksTheYearsRestatedFromItsPredecessors() throws IOException {
    String page = page(TrustPages.fileName(MERGED));
    assertTrue(page.contains("combine the results of its predecessors P1, P2"), "the merger is explained");
    for (int year = 2016; year <= 2024; year++) {
      String restated = "<tr class=\"restated\"><td>" + year
          + " <span class=\"tag\" title=\"combines predecessors P1, P2\">restated</span></td>";
      String own = "<tr><td>" + year + "</td>";
      int marked = occurrences(page, restated);
      int plain = occurrences(page, own);
      if (year < FORMED) {
        assertTrue(marked >= 5 && plain == 0, year + ": marked " + marked + ", unmarked " + plain);
      } else {
        assertTrue(marked == 0 && plain >= 5, year + ": marked " + marked + ", unmarked " + plain);
      }
    }
    List<CSVRecord> years = csv(TrustData.ORGANISATIONS_CSV).stream().filter(r -> r.get("org_code").equals(MERGED))
        .toList();
    assertEquals(9, years.size());
    years.forEach(r -> assertEquals(Integer.parseInt(r.get("survey_year")) < FORMED,
        Boolean.parseBoolean(r.get("restated")), "organisation_years.csv " + r.get("survey_year")));
    years.forEach(r -> assertEquals("P1;P2", r.get("predecessors")));
    String never = page(TrustPages.fileName("A3"));
    assertTrue(never.contains("<img src=\"../charts/spc_A3_engagement.svg\""), "the organisation's XmR chart");
    assertTrue(Files.isRegularFile(bundle.resolve("charts/spc_A3_engagement.svg")));
    assertFalse(never.contains("spc_A4_"), "only its own XmR charts");
    assertFalse(never.contains("class=\"restated\"") || never.contains(">restated</span>"), "A3 never merged");
  }

  @Test
  void theIndexHasOneRowPerOrganisationWithItsLatestScoreAndThisYearsSignificantChanges() throws IOException {
    String index = page(TrustPages.INDEX);
    Matcher row = Pattern.compile("<tr><td data-sort=\"([^\"]*)\"><a href=\"([^\"]+)\">[^<]*</a></td>(.*?)</tr>")
        .matcher(index);
    Map<String, String> cells = new TreeMap<>();
    List<String> order = new ArrayList<>();
    while (row.find()) {
      assertEquals(TrustPages.fileName(row.group(1)), row.group(2));
      assertTrue(Files.isRegularFile(bundle.resolve(TrustPages.FOLDER).resolve(row.group(2))), row.group(2));
      cells.put(row.group(1), row.group(3));
      order.add(row.group(1));
    }
    assertEquals(orgs.stream().sorted().toList(), order, "one row per organisation, by code");
    for (String org : orgs) {
      PositionRow latest = results.standing().positions().stream()
          .filter(p -> p.orgCode().equals(org) && p.measure().equals("engagement") && p.year() == 2024).findFirst()
          .orElseThrow();
      long significant = results.standing().changes().stream().filter(c -> c.orgCode().equals(org) && c.year() == 2024
          && c.significance().startsWith("significantly")).count();
      String cellsOf = cells.get(org);
      assertTrue(cellsOf.contains(">" + PageNumbers.shown("value", latest.value()) + "</a>"), org + ": " + cellsOf);
      assertTrue(cellsOf.contains(">" + latest.quintile() + "</a>"), org + ": " + cellsOf);
      assertTrue(cellsOf.contains("<td class=\"num\" data-sort=\"" + significant + "\">"), org + ": " + cellsOf);
    }
    long anySignificant = results.standing().changes().stream()
        .filter(c -> c.year() == 2024 && c.significance().startsWith("significantly")).count();
    assertTrue(anySignificant > 0, "the fixture has significant changes to count");
    assertTrue(index.contains("<script>\n(function(){"), "the sorting and filtering script is inline");
    assertTrue(index.contains("<input type=\"search\" id=\"filter\""));
    assertEquals(9, occurrences(index, "<th scope=\"col\"><button type=\"button\">")
        + occurrences(index, "<th scope=\"col\" class=\"num\"><button type=\"button\">"), "nine sortable columns");
  }

  @Test
  void namesAreShownAsTextNeverAsMarkupOrLinks() throws IOException {
    for (String file : List.of(TrustPages.fileName("A1"), TrustPages.fileName("A2"), TrustPages.INDEX,
        TrustPages.CULTURE)) {
      String page = page(file);
      assertFalse(page.contains("<script>alert"), file);
      assertFalse(page.contains("<b>sons"), file);
      assertFalse(page.contains("href=\"=") || page.contains("href=\"http"), file);
      assertFalse(Pattern.compile(" src=\"(?!\\.\\./charts/spc_[A-Za-z0-9_.-]+\\.svg\")").matcher(page).find()
          || page.contains("<link"), file + " fetches nothing but the bundle's own charts");
      assertEquals(page.contains("<script>") ? 1 : 0, occurrences(page, "<script"), file + ": only the inline script");
    }
    assertTrue(page(TrustPages.fileName("A1")).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Sons"));
    assertTrue(page(TrustPages.fileName("A2"))
        .contains("=HYPERLINK(&quot;http://example.invalid&quot;,&quot;click&quot;)"));
    assertTrue(page(TrustPages.INDEX).contains("Community &amp; &lt;mental health&gt;"));
    String csv = Files.readString(bundle.resolve("data").resolve(TrustData.ORGANISATIONS_CSV));
    assertTrue(csv.contains("'=HYPERLINK("), "the CSV cell is spreadsheet-safe");
  }

  @Test
  void theBundleIndexLinksTheTrustPagesAndTheCultureTableHasEachYearsGap() throws IOException {
    String index = Files.readString(bundle.resolve(IndexPage.FILE_NAME));
    assertTrue(index.contains("<a href=\"trusts/index.html\">Trust profiles</a>"));
    assertTrue(index.contains("<a href=\"trusts/culture.html\">Culture table</a>"));
    String culture = page(TrustPages.CULTURE);
    assertTrue(culture.contains("<button type=\"button\">Safe to speak up</button>"));
    assertFalse(culture.contains(">Staff engagement</button>"), "only the catalog's culture measures");
    for (int year = 2016; year <= 2024; year++) {
      assertTrue(culture.contains("<tr><td>" + year + "</td><td class=\"num\"><a href=\"../data/trends.csv#row="),
          "the gap in " + year);
    }
    String profile = page(TrustPages.fileName("B1"));
    assertTrue(profile.contains("<h2 id=\"culture\">Culture</h2>"));
    assertTrue(profile.substring(profile.indexOf("id=\"culture\""), profile.indexOf("id=\"staff\""))
        .contains("<a href=\"#m-speak_up\">Safe to speak up</a>"), "the culture section has the culture measure");
  }

  private static String page(String file) throws IOException {
    return Files.readString(bundle.resolve(TrustPages.FOLDER).resolve(file));
  }

  private static List<CSVRecord> csv(String file) {
    try {
      String text = Files.readString(bundle.resolve("data").resolve(file));
      List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
          .parse(new StringReader(text)).getRecords();
      assertEquals(text.split("\n").length - 1, rows.size(), "one record per line after the header: " + file);
      return rows;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String unescape(String html) {
    return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      count++;
    }
    return count;
  }
}
