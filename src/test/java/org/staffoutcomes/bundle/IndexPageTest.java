package org.staffoutcomes.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.analysis.MergedYear;
import org.staffoutcomes.charts.MergedOrganisationsChart;

class IndexPageTest {

  @TempDir Path tmp;

  @Test
  void escapesEverySpecialCharacter() {
    assertEquals("a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39;",
        IndexPage.esc("a & b <c> \"d\" 'e'"));
  }

  @Test
  void pageIsSelfContainedAccessibleAndEscaped() throws IOException {
    Path run = new BundleWriter(tmp).write(BundleFixtures.run("run-1"),
        new BundleData(BundleFixtures.correlations(), BundleFixtures.trends(),
            BundleFixtures.quarantine(tmp)), BundleFixtures.allCharts());
    String html = Files.readString(run.resolve("index.html"));

    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"));
    assertTrue(html.contains("<h1>NHS staff &amp; &lt;outcomes&gt;</h1>"), "escaped title");
    assertTrue(html.contains("<code>run-1</code>"));
    assertFalse(html.contains("<outcomes>"), "no raw catalog title");
    assertFalse(html.contains("<morale>"), "no raw measure label");
    assertTrue(html.contains("Engagement &amp; &lt;morale&gt;"));
    assertTrue(html.contains("SHMI &quot;mortality&quot;"));
    assertTrue(html.contains("in/nss &amp; co.csv"), "input path escaped");

    assertFalse(html.contains("<script"), "no scripts");
    assertFalse(html.contains("http://") || html.contains("https://"), "nothing from the net");
    assertFalse(html.contains("<link"), "CSS inline");
    assertTrue(html.contains("<style>"));

    assertTrue(html.contains("How to read these charts"));
    assertTrue(html.contains("not causes"));
    assertTrue(html.contains("overstate"));
    assertTrue(html.indexOf("id=\"heatmap\"") < html.indexOf("id=\"inputs\""), "charts first, inputs after");
    assertTrue(html.contains("<summary>Every input file ("), "per-file table folded away");
    assertTrue(html.indexOf("id=\"trends\"") < html.indexOf("id=\"scatter\""));
    assertTrue(html.indexOf("id=\"scatter\"") < html.indexOf("id=\"heatmap\""));
    assertTrue(html.contains("<td class=\"num\">97</td>"));
    assertTrue(html.contains("href=\"data/quarantine.csv\""));
    assertTrue(html.contains("href=\"data/correlations.csv\""));
    assertTrue(html.contains("href=\"data/trends.csv\""));

    assertEquals(3, count(html, "<figure>"));
    assertEquals(3, count(html, "<figcaption>"));
    assertEquals(3, count(html, "Numbers behind this chart (CSV)"));
    assertTrue(html.contains("<img src=\"charts/trend_engagement.svg\" alt=\"Small multiple line charts of"
        + " Engagement &amp; &lt;morale&gt;"));
    assertTrue(html.contains("<a href=\"charts/trend_engagement.png\">PNG</a>"), "the PNG for documents");
    assertTrue(html.contains("href=\"data/scatter_shmi_engagement.csv\""));
    for (String src : List.of("charts/trend_engagement.png", "charts/heatmap_lag1.png", "charts/trend_engagement.svg",
        "charts/heatmap_lag1.svg")) {
      assertTrue(Files.isRegularFile(run.resolve(src)));
    }
  }

  @Test
  void emptySectionsAndNoQuarantineAreSaid() throws IOException {
    Path run = new BundleWriter(tmp).write(BundleFixtures.run("r"),
        BundleData.of(List.of(), List.of()), folder -> { });
    String html = Files.readString(run.resolve("index.html"));
    assertEquals(3, count(html, "No charts in this section for this run."));
    assertFalse(html.contains("quarantine.csv"));
    assertFalse(html.contains("id=\"mergers\"") || html.contains("href=\"#mergers\""),
        "a run without merged trusts has no section for them");
  }

  @Test
  void mergedTrustsHaveASectionWhenThereIsAChart() throws IOException {
    Path run = new BundleWriter(tmp).write(BundleFixtures.run("m"),
        BundleData.of(List.of(), List.of()), folder -> folder.add(Section.MERGERS,
            MergedOrganisationsChart.write(BundleFixtures.ENGAGEMENT,
                List.of(new MergedYear("RXC", "Riverside NHS Trust", 2020,
                    7.1, 900, false, 2020, "restated: includes predecessors RA1, RB2")),
                folder.png("merged_organisations_engagement"),
                folder.csv("merged_organisations_engagement"))));
    String html = Files.readString(run.resolve("index.html"));
    assertTrue(html.contains("<li><a href=\"#mergers\">Merged trusts</a></li>"));
    assertTrue(html.indexOf("id=\"trends\"") < html.indexOf("id=\"mergers\"")
        && html.indexOf("id=\"mergers\"") < html.indexOf("id=\"scatter\""), "after the trends");
    assertTrue(html.contains("<img src=\"charts/merged_organisations_engagement.svg\""));
    assertTrue(html.contains("href=\"data/merged_organisations_engagement.csv\""));
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
