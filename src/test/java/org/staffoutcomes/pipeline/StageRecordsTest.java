package org.staffoutcomes.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staleness rules of the stages' "done" records: a stage is skipped only when its record
 * names exactly what it would read now, and never while it is being redone or when what it read
 * cannot be vouched for.
 */
class StageRecordsTest {

  @TempDir Path work;

  @Test
  void aStageWithoutARecordIsNotCurrent() {
    StageRecords records = new StageRecords(work);
    String inputs = StageRecords.inputs("panel", List.of("catalog", "rows"));
    assertFalse(records.current("panel", inputs));
    assertNull(records.inputsOf("panel"));
  }

  @Test
  void aRecordIsCurrentOnlyForTheInputsItWasComputedFrom() {
    StageRecords records = new StageRecords(work);
    String before = StageRecords.inputs("panel", List.of("catalog", "shmi=aaa"));
    String after = StageRecords.inputs("panel", List.of("catalog", "shmi=bbb"));
    records.write("panel", before, null);
    assertTrue(records.current("panel", before));
    assertFalse(records.current("panel", after));
    assertFalse(records.current("analyze", before), "a record belongs to its stage only");
    assertEquals(before, records.inputsOf("panel"));
  }

  /** The bug 1: scores recorded from an earlier ingest are stale once the dataset is ingested again. */
  @Test
  void scoresOfAnEarlierIngestAreStale() {
    StageRecords records = new StageRecords(work);
    String lastNight = StageRecords.inputs("scores-staff_microdata", List.of("ingest-fingerprint-of-2024-v1"));
    records.write("scores-staff_microdata", lastNight, null);
    String tonight = StageRecords.inputs("scores-staff_microdata", List.of("ingest-fingerprint-of-2024-v2"));
    assertFalse(records.current("scores-staff_microdata", tonight));
    assertTrue(records.current("scores-staff_microdata", lastNight));
  }

  @Test
  void aStageBeingRedoneIsNotCurrentUntilItsRecordIsWrittenAgain() {
    StageRecords records = new StageRecords(work);
    String inputs = StageRecords.inputs("analyze", List.of("catalog", "panel"));
    records.write("analyze", inputs, null);
    records.forget("analyze"); // a run starts replacing the analysis tables, and is killed
    assertFalse(records.current("analyze", inputs), "half-replaced outputs must never count as done");
  }

  @Test
  void unknownUpstreamMakesNothingCurrent() {
    StageRecords records = new StageRecords(work);
    assertNull(StageRecords.inputs("analyze", Arrays.asList("catalog", null)));
    records.write("analyze", null, null);
    assertFalse(records.current("analyze", null));
    assertFalse(Files.exists(work.resolve("lake/_state/stages/analyze.json")), "no record for unknown inputs");
  }

  @Test
  void theDigestDependsOnEveryPartTheirOrderTheirBoundariesAndTheStage() {
    String ab = StageRecords.inputs("panel", List.of("a", "b"));
    assertEquals(ab, StageRecords.inputs("panel", List.of("a", "b")));
    assertNotEquals(ab, StageRecords.inputs("panel", List.of("b", "a")));
    assertNotEquals(ab, StageRecords.inputs("panel", List.of("ab")));
    assertNotEquals(ab, StageRecords.inputs("panel", List.of("a", "b", "")));
    assertNotEquals(ab, StageRecords.inputs("analyze", List.of("a", "b")));
    assertEquals(64, ab.length());
  }

  @Test
  void anUnreadableOrForeignRecordCountsAsNone() throws IOException {
    StageRecords records = new StageRecords(work);
    String inputs = StageRecords.inputs("render", List.of("x"));
    Path dir = Files.createDirectories(work.resolve("lake/_state/stages"));
    Files.writeString(dir.resolve("render.json"), "{\"stage\": \"render\", \"inp"); // killed mid-write
    assertFalse(records.current("render", inputs));
    Files.writeString(dir.resolve("render.json"), "{\"stage\":\"panel\",\"inputs\":\"" + inputs + "\"}");
    assertFalse(records.current("render", inputs), "a record naming another stage");
  }

  @Test
  void theRenderRecordKeepsItsBundle() {
    StageRecords records = new StageRecords(work);
    String inputs = StageRecords.inputs("render", List.of("x"));
    records.write("render", inputs, "20261202T020000Z");
    assertEquals("20261202T020000Z", records.read("render").orElseThrow().bundle());
    assertFalse(Files.exists(work.resolve("lake/_state/stages/render.json.tmp")), "written beside, then renamed");
  }

  @Test
  void aStageNameCannotLeaveTheRecordsFolder() {
    StageRecords records = new StageRecords(work);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> records.write("../run", "x", null));
    assertEquals("Invalid stage name for a record: ../run", e.getMessage());
  }
}
