package org.staffoutcomes.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.ingest.IngestStage;
import org.staffoutcomes.lake.Lake;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.CatalogLoader;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.testing.SparkTestBase;

/** RXA and RXB merge into RXC in 2020: restated under RXC, or two series that end and one that starts. */
class SuccessionTest extends SparkTestBase {

  @TempDir Path work;
  Catalog restate;
  Map<String, Dataset<Row>> rows = new LinkedHashMap<>();

  @BeforeEach
  void ingest() throws IOException {
    Path landing = work.resolve("landing");
    Files.createDirectories(landing.resolve("staff"));
    Files.writeString(landing.resolve("staff/staff_2019.csv"), "code,year,engagement,base,group\nRXA,2019,6.0,100,Small\nRXB,2019,8.0,300,Large\nRXD,2019,7.0,50,\n");
    Files.writeString(landing.resolve("staff/staff_2020.csv"), "code,year,engagement,base,group\nRXC,2020,7.5,400,Merged\nRXD,2020,7.1,50,\n");
    Files.writeString(landing.resolve("succ.csv"), "OLD_CODE,NEW_CODE,REASON,EFFECTIVE_DATE\nRXA,RXC,merger,2020-04-01\nRXB,RXC,merger,2020-04-01\n");
    restate = CatalogLoader.load(Path.of("src/test/resources/stage-catalog-succession"));
    Lake lake = new Lake(spark, work);
    for (DatasetDescriptor d : restate.datasets()) {
      new IngestStage(spark, lake).run(d, landing.toUri().toString(), false);
      rows.put(d.name(), lake.read(lake.raw(d.name())));
    }
  }

  Map<String, Row> panel(Catalog catalog) {
    Map<String, Row> out = new HashMap<>();
    PanelStage.build(catalog, rows).collectAsList().forEach(r -> out.put(r.getString(0) + r.getInt(1), r));
    return out;
  }

  @Test
  void restatedPredecessorsFormOneContinuousRespondentWeightedFlaggedSeries() {
    Map<String, Row> p = panel(restate);
    assertEquals(java.util.Set.of("RXC2019", "RXC2020", "RXD2019", "RXD2020"), p.keySet());
    Row rxc2019 = p.get("RXC2019");
    assertEquals((6.0 * 100 + 8.0 * 300) / 400, (double) rxc2019.getAs("engagement"), 1e-12);
    assertEquals(400.0, (double) rxc2019.getAs("engagement_n"), 0.0);
    assertEquals("Merged", rxc2019.getAs("benchmark_group"),
        "a restated year takes the successor's attributes, not whichever predecessor's row came first");
    assertEquals("restated: includes predecessors RXA, RXB; this year: the predecessors' results combined "
        + "(RXC formed 2020)", rxc2019.getAs("succession"));
    assertEquals("restated: includes predecessors RXA, RXB; this year: its own results (RXC formed 2020)",
        p.get("RXC2020").getAs("succession"));
    assertFalse(p.containsKey("RXA2019"));
  }

  @Test
  void aBreakKeepsEachCodeAndSaysWhereSeriesEndAndStart() {
    Catalog brk = new Catalog(restate.name(), restate.title(), restate.datasets(), restate.analysis(),
        restate.defaults(), Catalog.Succession.BREAK, restate.origin());
    Map<String, Row> p = panel(brk);
    assertEquals(6.0, (double) p.get("RXA2019").getAs("engagement"), 0.0);
    assertEquals("series ends: succeeded by RXC", p.get("RXA2019").getAs("succession"));
    assertEquals("series starts: successor of RXA, RXB", p.get("RXC2020").getAs("succession"));
    assertEquals("", p.get("RXD2019").getAs("succession"), "every row says which: empty when unaffected");
  }

  @Test
  void chainsLeadToTheFinalSuccessor() {
    assertEquals(Map.of("A", "C", "B", "C", "X", "Y"), Succession.finalSuccessors(Map.of("A", "B", "B", "C", "X", "Y", "Y", "X")
        .entrySet().stream().filter(e -> !e.getKey().equals("Y")).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
  }
}
