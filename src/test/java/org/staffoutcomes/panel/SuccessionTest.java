package org.staffoutcomes.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.lake.LakePaths;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.CatalogLoader;
import org.staffoutcomes.testing.SparkTestBase;

/** RXA and RXB merge into RXC in 2020: restated under RXC, or two series that end and one that starts. */
class SuccessionTest extends SparkTestBase {

  @TempDir Path work;
  Catalog restate;
  LakePaths lake;

  @BeforeEach
  void ingest() throws IOException {
    Path landing = work.resolve("landing");
    Files.createDirectories(landing.resolve("staff"));
    Files.writeString(landing.resolve("staff/staff_2019.csv"), "code,year,engagement,base,group\nRXA,2019,6.0,100,Small\nRXB,2019,8.0,300,Large\nRXD,2019,7.0,50,\n");
    Files.writeString(landing.resolve("staff/staff_2020.csv"), "code,year,engagement,base,group\nRXC,2020,7.5,400,Merged\nRXD,2020,7.1,50,\n");
    Files.writeString(landing.resolve("succ.csv"), "OLD_CODE,NEW_CODE,REASON,EFFECTIVE_DATE\nRXA,RXC,merger,2020-04-01\nRXB,RXC,merger,2020-04-01\n");
    restate = CatalogLoader.load(Path.of("src/test/resources/stage-catalog-succession"));
    lake = PanelRows.ingested(spark, restate, landing, work);
  }

  Map<String, Map<String, Object>> panel(Catalog catalog) {
    return PanelRows.byKey(PanelStage.build(catalog, lake));
  }

  @Test
  void restatedPredecessorsFormOneContinuousRespondentWeightedFlaggedSeries() {
    Map<String, Map<String, Object>> p = panel(restate);
    assertEquals(java.util.Set.of("RXC2019", "RXC2020", "RXD2019", "RXD2020"), p.keySet());
    Map<String, Object> rxc2019 = p.get("RXC2019");
    assertEquals((6.0 * 100 + 8.0 * 300) / 400, (double) rxc2019.get("engagement"), 1e-12);
    assertEquals(400.0, (double) rxc2019.get("engagement_n"), 0.0);
    assertEquals("Merged", rxc2019.get("benchmark_group"),
        "a restated year takes the successor's attributes, not whichever predecessor's row came first");
    assertEquals("restated: includes predecessors RXA, RXB; this year: the predecessors' results combined "
        + "(RXC formed 2020)", rxc2019.get("succession"));
    assertEquals("restated: includes predecessors RXA, RXB; this year: its own results (RXC formed 2020)",
        p.get("RXC2020").get("succession"));
    assertFalse(p.containsKey("RXA2019"));
  }

  @Test
  void aBreakKeepsEachCodeAndSaysWhereSeriesEndAndStart() {
    Catalog brk = new Catalog(restate.name(), restate.title(), restate.datasets(), restate.analysis(),
        restate.defaults(), Catalog.Succession.BREAK, restate.origin());
    Map<String, Map<String, Object>> p = panel(brk);
    assertEquals(6.0, (double) p.get("RXA2019").get("engagement"), 0.0);
    assertEquals("series ends: succeeded by RXC", p.get("RXA2019").get("succession"));
    assertEquals("series starts: successor of RXA, RXB", p.get("RXC2020").get("succession"));
    assertEquals("", p.get("RXD2019").get("succession"), "every row says which: empty when unaffected");
  }

  @Test
  void chainsLeadToTheFinalSuccessor() {
    assertEquals(Map.of("A", "C", "B", "C", "X", "Y"), Succession.finalSuccessors(Map.of("A", "B", "B", "C", "X", "Y", "Y", "X")
        .entrySet().stream().filter(e -> !e.getKey().equals("Y")).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
  }
}
