package org.staffoutcomes.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.config.Settings;
import org.staffoutcomes.config.Workspace;
import org.staffoutcomes.ingest.IngestException;
import org.staffoutcomes.lake.Lake;
import org.staffoutcomes.sample.SampleGenerator;
import org.staffoutcomes.sample.SampleOptions;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.CatalogLoader;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * Ingest reads datasets on a pool of threads: what a user sees and what lands in the lake must be
 * what one dataset at a time gives - lines in catalog order, the same lake files - and when a
 * dataset fails, no later dataset may be in the lake (as when they were read one by one).
 */
class ParallelIngestTest {

  @TempDir static Path tmp;
  private static Path landing;
  private static Catalog catalog;

  @BeforeAll
  static void smallSample() {
    landing = tmp.resolve("landing");
    SampleGenerator.generate(landing, new SampleOptions(SampleOptions.DEFAULT_SEED, 20, 2019, 2022, 0.05));
    catalog = CatalogLoader.load("sample", Settings.schemasHome());
  }

  @AfterEach
  void defaultThreads() {
    System.clearProperty(Settings.INGEST_THREADS_PROPERTY);
  }

  @Test
  void fourThreadsGiveTheLinesAndLakeOfOne() throws IOException {
    Path one = tmp.resolve("one");
    Path four = tmp.resolve("four");
    System.setProperty(Settings.INGEST_THREADS_PROPERTY, "1");
    List<String> serial = stepLines(ingest(one, landing));
    System.setProperty(Settings.INGEST_THREADS_PROPERTY, "4");
    List<String> parallel = stepLines(ingest(four, landing));
    List<String> expected = new ArrayList<>();
    for (DatasetDescriptor d : catalog.datasets()) {
      expected.add("ingest " + d.name());
      if (d.survey() != null) {
        expected.add("score " + d.name());
      }
    }
    assertEquals(expected, serial);
    assertEquals(expected, parallel, "lines in catalog order, each survey dataset scored after its ingest");
    assertEquals(lakeFiles(one), lakeFiles(four), "the same lake tables, row counts and records");
  }

  @Test
  void aFailingDatasetLeavesTheLaterDatasetsOutOfTheLake() throws IOException {
    Path broken = tmp.resolve("broken-landing");
    copy(landing, broken);
    List<DatasetDescriptor> datasets = catalog.datasets();
    DatasetDescriptor failing = datasets.get(datasets.size() / 2);
    try (Stream<Path> files = Files.walk(broken)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (failing.filePattern().matcher(broken.relativize(f).toString()).matches()) {
          Files.delete(f);
        }
      }
    }
    System.setProperty(Settings.INGEST_THREADS_PROPERTY, "2");
    Path work = tmp.resolve("failing");
    StringWriter out = new StringWriter();
    Pipeline pipeline = new Pipeline(() -> {
      throw new AssertionError("small datasets need no Spark");
    }, catalog, new Workspace(work), new PrintWriter(out, true));
    IngestException e = assertThrows(IngestException.class, () -> pipeline.ingest(broken.toUri().toString(), false));
    assertTrue(e.getMessage().contains("'" + failing.name() + "'"), e.getMessage());

    Lake lake = pipeline.lake();
    List<String> reported = stepLines(out.toString()).stream().filter(l -> l.startsWith("ingest ")).toList();
    int failed = datasets.indexOf(failing);
    List<String> before = datasets.subList(0, failed).stream().map(d -> "ingest " + d.name()).toList();
    assertEquals(before, reported, "the datasets before the failing one, as one thread at a time reports them");
    for (int i = 0; i < datasets.size(); i++) {
      String name = datasets.get(i).name();
      assertEquals(i < failed, lake.readState(name).isPresent(), name + ": in the lake only if before the failing dataset");
      assertEquals(i < failed, Files.exists(work.resolve("lake/raw/" + name)), name + ": its table likewise");
    }
    try (Stream<Path> left = Files.walk(work.resolve("lake"))) {
      assertEquals(List.of(), left.filter(f -> f.getFileName().toString().endsWith(".staging")).toList(),
          "what was read for the later datasets is removed");
    }
  }

  private static String ingest(Path work, Path input) {
    StringWriter out = new StringWriter();
    new Pipeline(() -> {
      throw new AssertionError("small datasets need no Spark");
    }, catalog, new Workspace(work), new PrintWriter(out, true)).ingest(input.toUri().toString(), false);
    return out.toString();
  }

  /** "ingest <dataset>" and "score <dataset>" per printed line, in printed order. */
  private static List<String> stepLines(String out) {
    return out.lines().filter(l -> l.startsWith("ingest ") || l.startsWith("score "))
        .map(l -> l.split(" +")[0] + " " + l.split(" +")[1]).toList();
  }

  /**
   * Every lake file's bytes (Parquet part files, whose names are random, under their folder's
   * name), but for checksums and the times in records.
   */
  private static TreeMap<String, String> lakeFiles(Path work) throws IOException {
    Path lake = work.resolve("lake");
    TreeMap<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(lake)) {
      for (Path f : all.filter(Files::isRegularFile).sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".crc")) {
          continue;
        }
        String key = name.startsWith("part-") ? lake.relativize(f.getParent()) + "/part-*" : lake.relativize(f).toString();
        String content = name.endsWith(".json") ? Files.readString(f).replaceAll("\"[a-z_]*(time|at|seconds)\" *: *[^,}\n]*", "")
            : java.util.HexFormat.of().formatHex(Files.readAllBytes(f));
        files.merge(key, content, (a, b) -> a + "|" + b);
      }
    }
    return files;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
