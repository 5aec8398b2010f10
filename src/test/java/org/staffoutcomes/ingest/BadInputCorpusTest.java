package org.staffoutcomes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.staffoutcomes.cli.Main;
import org.staffoutcomes.lake.Lake;
import org.staffoutcomes.lake.SmallTables;
import org.staffoutcomes.lake.TableRecord;
import org.staffoutcomes.testing.SparkTestBase;

/**
 * The bad-input corpus ({@code src/test/resources/bad-input/}, described in its README): every
 * folder not starting with {@code _} is a case, run in this JVM through the command line on the
 * shared Spark session, and checked against its {@code expected.yaml}: exit code, a message, no
 * stack trace, the rows read, kept and quarantined per dataset (from {@code history.jsonl}) with
 * read = kept + quarantined, the lake tables holding exactly that many rows, and every quarantined
 * line with its reason.
 */
class BadInputCorpusTest extends SparkTestBase {

  static final Path CORPUS = Path.of("src/test/resources/bad-input");
  /** Placeholder in a case's input file for a long run of one character, written out by the test. */
  private static final Pattern REPEAT = Pattern.compile("@@repeat (\\S) (\\d+)@@");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  /** Rows of one dataset, as history.jsonl reports them. */
  record Counts(long read, long kept, long quarantined) {}

  /** One quarantined line; {@code reason} is compared whole, {@code raw} and {@code rawLength} when given. */
  record Quarantined(String dataset, String file, long line, String reason, String raw,
      @JsonProperty("raw_length") Integer rawLength) {}

  /** A case's expected.yaml. */
  record Expected(String what, String catalog, String command, List<String> args,
      @JsonProperty("before_input") String beforeInput, int exit, String message,
      @JsonProperty("not_in_output") String notInOutput, Map<String, Counts> datasets, List<Quarantined> quarantine,
      Boolean published) {}

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(CORPUS)) {
      return dirs.filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("_"))
          .sorted()
          .toList()
          .stream();
    }
  }

  @Test
  void theCorpusHoldsAtLeastThirtyCases() throws IOException {
    assertTrue(cases().count() >= 30, "cases: " + cases().toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void caseBehavesAsExpected(String name) throws IOException {
    Path dir = CORPUS.resolve(name);
    Expected e = YAML.readValue(dir.resolve("expected.yaml").toFile(), Expected.class);
    Path input = work.resolve("input");
    Files.createDirectories(input);
    if (Files.isDirectory(dir.resolve("input"))) {
      copyExpanding(dir.resolve("input"), input);
    }
    Path catalog = "own".equals(e.catalog()) ? dir.resolve("catalog") : CORPUS.resolve("_catalogs").resolve(e.catalog());
    Path workdir = work.resolve("work");
    List<String> args = new ArrayList<>(List.of(e.command() == null ? "ingest" : e.command(), "--workdir",
        workdir.toString(), "--catalog", catalog.toString(), "--input", input.toString()));
    if (e.args() != null) {
      args.addAll(e.args());
    }
    if (e.beforeInput() != null) { // an earlier run on the same work folder, from the case's folder of that name
      Path before = work.resolve("before");
      copyExpanding(dir.resolve(e.beforeInput()), before);
      List<String> first = new ArrayList<>(args);
      first.set(first.indexOf("--input") + 1, before.toString());
      StringWriter firstErr = new StringWriter();
      assertEquals(0, Main.execute(new PrintWriter(new StringWriter()), new PrintWriter(firstErr), first.toArray(String[]::new)),
          "the earlier run: " + firstErr);
    }
    String latestBefore = latest(workdir);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
    String said = "stdout:\n" + out + "\nstderr:\n" + err;

    assertEquals(e.exit(), code, e.what() + "\n" + said);
    assertTrue((code == 0 ? out : err).toString().contains(e.message()),
        "expected " + (code == 0 ? "stdout" : "stderr") + " to contain '" + e.message() + "'\n" + said);
    assertFalse(said.contains("\tat "), "no stack trace\n" + said);
    if (e.notInOutput() != null) {
      assertFalse(said.contains(e.notInOutput()), "must not print '" + e.notInOutput() + "'\n" + said);
    }

    if (e.published() != null) { // did bundles/latest move to this run's bundle?
      String latestAfter = latest(workdir);
      assertEquals(e.published(), latestAfter != null && !latestAfter.equals(latestBefore),
          "bundles/latest before " + latestBefore + ", after " + latestAfter + "\n" + said);
    }

    Map<String, Counts> counted = historyCounts(workdir);
    assertEquals(e.datasets() == null ? Map.of() : new TreeMap<>(e.datasets()), counted, said);
    Lake lake = new Lake(spark, workdir);
    List<Quarantined> quarantined = new ArrayList<>();
    for (Map.Entry<String, Counts> c : counted.entrySet()) {
      Counts n = c.getValue();
      assertEquals(n.read(), n.kept() + n.quarantined(), c.getKey() + ": read = kept + quarantined");
      assertEquals(n.kept(), org.staffoutcomes.lake.RawTables.total(lake.raw(c.getKey())), c.getKey() + ": kept rows in the lake");
      List<TableRecord> rows = SmallTables.read(lake.quarantine(c.getKey())); // in file and line order
      assertEquals(n.quarantined(), rows.size(), c.getKey() + ": quarantined rows in the lake");
      for (TableRecord r : rows) {
        String raw = r.string("raw");
        quarantined.add(new Quarantined(r.string("dataset"), r.string("source_file"), r.longInt("source_line"),
            r.string("reason"), raw, raw.length()));
      }
    }
    List<Quarantined> expected = e.quarantine() == null ? List.of() : e.quarantine();
    assertEquals(expected.size(), quarantined.size(), "quarantined lines: " + quarantined);
    for (int i = 0; i < expected.size(); i++) {
      Quarantined x = expected.get(i);
      Quarantined a = quarantined.get(i);
      String which = "quarantined line " + i + ": " + a;
      assertEquals(x.dataset(), a.dataset(), which);
      assertEquals(x.file(), a.file(), which);
      assertEquals(x.line(), a.line(), which);
      assertEquals(x.reason(), a.reason(), which);
      if (x.raw() != null) {
        assertEquals(x.raw(), a.raw(), which);
      }
      if (x.rawLength() != null) {
        assertEquals(x.rawLength(), a.rawLength(), which);
      }
    }
  }

  /** The bundle {@code bundles/latest} points at, or null when there is none. */
  private static String latest(Path workdir) throws IOException {
    Path latest = workdir.resolve("bundles/latest");
    return Files.isSymbolicLink(latest) ? Files.readSymbolicLink(latest).toString() : null;
  }

  /** Per dataset, the counts of the last line of DIR/history.jsonl (none when it holds no line). */
  private static Map<String, Counts> historyCounts(Path workdir) throws IOException {
    Map<String, Counts> counts = new TreeMap<>();
    Path history = workdir.resolve("history.jsonl");
    if (!Files.exists(history)) {
      return counts;
    }
    List<String> lines = Files.readAllLines(history);
    for (JsonNode d : JSON.readTree(lines.get(lines.size() - 1)).path("datasets")) {
      counts.put(d.get("dataset").asText(),
          new Counts(d.get("rows_read").asLong(), d.get("rows_kept").asLong(), d.get("rows_quarantined").asLong()));
    }
    return counts;
  }

  /**
   * Copies a case's input folder, writing each {@code @@repeat C N@@} as N times the character C
   * (so that a 50 MB line is made here, not committed). Other bytes are copied as they are.
   */
  private static void copyExpanding(Path from, Path to) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(from)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path f : files) {
      Path target = to.resolve(from.relativize(f).toString());
      Files.createDirectories(target.getParent());
      byte[] bytes = Files.readAllBytes(f);
      String latin1 = new String(bytes, StandardCharsets.ISO_8859_1); // byte for byte, whatever the encoding
      Matcher m = REPEAT.matcher(latin1);
      if (!m.find()) {
        Files.write(target, bytes);
        continue;
      }
      try (OutputStream o = Files.newOutputStream(target);
          BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(o, StandardCharsets.ISO_8859_1), 1 << 16)) {
        int at = 0;
        do {
          w.write(latin1, at, m.start() - at);
          char[] chunk = new char[1 << 16];
          java.util.Arrays.fill(chunk, m.group(1).charAt(0));
          for (long left = Long.parseLong(m.group(2)); left > 0; left -= chunk.length) {
            w.write(chunk, 0, (int) Math.min(left, chunk.length));
          }
          at = m.end();
        } while (m.find());
        w.write(latin1, at, latin1.length() - at);
      }
    }
  }
}
