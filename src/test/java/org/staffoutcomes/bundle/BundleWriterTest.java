package org.staffoutcomes.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleWriterTest {

  @TempDir Path tmp;

  private Path bundles() {
    return tmp.resolve("bundles");
  }

  private Path writeRun(String runId) throws IOException {
    return new BundleWriter(bundles()).write(BundleFixtures.run(runId),
        new BundleData(BundleFixtures.correlations(), BundleFixtures.trends(),
            BundleFixtures.quarantine(tmp)), BundleFixtures.allCharts());
  }

  @Test
  void writesTheExpectedFiles() throws IOException {
    Path run = writeRun("run-1");
    assertEquals(bundles().resolve("run-1"), run);
    assertEquals(new TreeSet<>(List.of("index.html", "manifest.json",
            "charts/trend_engagement.png", "charts/scatter_shmi_engagement.png",
            "charts/heatmap_lag1.png", "charts/trend_engagement.svg", "charts/scatter_shmi_engagement.svg",
            "charts/heatmap_lag1.svg", "data/correlations.csv", "data/trends.csv",
            "data/quarantine.csv", "data/trend_engagement.csv",
            "data/scatter_shmi_engagement.csv", "data/heatmap_lag1.csv")),
        files(run));
    assertEquals(Set.of("run-1", "latest"), names(bundles()), "no temporary folders left");
    assertTrue(Files.readString(run.resolve("data/correlations.csv")).startsWith(
        "staff_measure,outcome,lag,scope,year,method,r,ci_low,ci_high,p,p_adjusted,n,note\n"
            + "engagement,shmi,0,all,2022,pearson,-0.3,-0.5,-0.1,0.004,,40,\n"));
    assertTrue(Files.readString(run.resolve("data/correlations.csv"))
        .endsWith("engagement,shmi,1,all,pooled,spearman,,,,,,2,fewer than 3 pairs\n"));
    assertTrue(Files.readString(run.resolve("data/trends.csv"))
        .startsWith("measure,group,year,n,mean,median,q1,q3,min,max\n"));
  }

  /**
   * The bundle's group (and a web server) can read every file: a quarantine CSV made as a
   * temporary file (mode 0600) is published 0644 like the rest, folders 0755.
   */
  @Test
  void everyFileIsReadableByTheGroup() throws IOException {
    Path quarantine = BundleFixtures.quarantine(tmp);
    Files.setPosixFilePermissions(quarantine, PosixFilePermissions.fromString("rw-------"));
    Path run = new BundleWriter(bundles()).write(BundleFixtures.run("run-1"),
        new BundleData(BundleFixtures.correlations(), BundleFixtures.trends(), quarantine),
        BundleFixtures.allCharts());
    int files = 0;
    try (Stream<Path> all = Files.walk(run)) {
      for (Path p : all.toList()) {
        String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
        assertEquals(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--", mode, run.relativize(p).toString());
        files += Files.isDirectory(p) ? 0 : 1;
      }
    }
    assertEquals(14, files);
  }

  /**
   * Old bundles go, oldest first, down to the count asked for; never the one latest points to,
   * nor a folder that is not a run id; a leftover of a killed prune goes too.
   */
  @Test
  void pruneKeepsTheNewestAndTheLatest() throws IOException {
    List<String> ids = List.of("20250101T020000Z", "20250102T020000Z", "20250102T020000Z-2", "20250102T020000Z-10",
        "20250103T020000Z", "20250104T020000Z");
    for (String id : ids) {
      Files.createDirectories(bundles().resolve(id).resolve("data"));
      Files.writeString(bundles().resolve(id).resolve("index.html"), id);
    }
    Files.createDirectories(bundles().resolve("keep-me"));
    Files.createDirectories(bundles().resolve(".20240101T000000Z.pruned/data"));
    Publisher.pointLatest(bundles(), "20250102T020000Z");
    List<String> removed = new BundleWriter(bundles()).prune(2);
    assertEquals(List.of("20250101T020000Z", "20250102T020000Z-2", "20250102T020000Z-10"), removed);
    assertEquals(Set.of("20250102T020000Z", "20250103T020000Z", "20250104T020000Z", "keep-me", "latest"),
        names(bundles()));
    assertEquals(List.of(), new BundleWriter(bundles()).prune(2), "three left: the newest two and latest's");
    assertThrows(IllegalArgumentException.class, () -> new BundleWriter(bundles()).prune(0));
  }

  @Test
  void manifestListsRunInputsAndEveryOutputWithChecksums() throws IOException {
    Path run = writeRun("run-1");
    JsonNode m = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
    assertEquals("run-1", m.get("run_id").asText());
    assertEquals("2024-05-01T02:00:00Z", m.get("started").asText());
    assertEquals("2024-05-01T02:03:30.250Z", m.get("finished").asText());
    assertEquals("0.1.0", m.get("project_version").asText());
    assertEquals("nhs", m.get("catalog").get("name").asText());
    assertEquals("NHS staff & <outcomes>", m.get("catalog").get("title").asText());
    JsonNode in = m.get("inputs").get(0);
    assertEquals("staff_survey", in.get("dataset").asText());
    assertEquals("in/nss & co.csv", in.get("path").asText());
    assertEquals("ab".repeat(32), in.get("sha256").asText());
    assertEquals(1234, in.get("bytes").asLong());
    assertEquals(100, in.get("rows_read").asLong());
    assertEquals(97, in.get("rows_kept").asLong());
    assertEquals(3, in.get("rows_quarantined").asLong());
    assertEquals(2, m.get("inputs").size());
    assertEquals(3, m.get("charts").size());

    Set<String> listed = new TreeSet<>();
    for (JsonNode out : m.get("outputs")) {
      Path file = run.resolve(out.get("path").asText());
      assertEquals(Files.size(file), out.get("bytes").asLong(), out.toString());
      assertEquals(Manifest.sha256(file), out.get("sha256").asText(), out.toString());
      assertEquals(64, out.get("sha256").asText().length());
      listed.add(out.get("path").asText());
    }
    Set<String> expected = files(run);
    expected.remove("manifest.json");
    assertEquals(expected, listed);
    assertTrue(Files.readString(run.resolve("manifest.json")).contains("\n  \"run_id\""),
        "pretty-printed");
  }

  /**
   * Every chart is in the bundle as SVG beside its PNG, the SVG a well-formed XML document of an
   * {@code svg} element with a view box (so a browser scales it), and the manifest lists both.
   */
  @Test
  void everyPngHasAnSvgSiblingThatParsesAsXml() throws Exception {
    Path run = writeRun("run-1");
    List<String> pngs = files(run).stream().filter(f -> f.endsWith(".png")).toList();
    assertEquals(3, pngs.size());
    javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    for (String png : pngs) {
      Path svg = run.resolve(png.replaceFirst("\\.png$", ".svg"));
      assertTrue(Files.isRegularFile(svg), "SVG beside " + png);
      org.w3c.dom.Element root = factory.newDocumentBuilder().parse(svg.toFile()).getDocumentElement();
      assertEquals("svg", root.getTagName(), png);
      assertEquals("http://www.w3.org/2000/svg", root.getAttribute("xmlns"), png);
      assertTrue(root.getAttribute("viewBox").startsWith("0 0 1000 "), png + ": " + root.getAttribute("viewBox"));
      assertTrue(root.getElementsByTagName("text").getLength() > 3, png + " has its words as text");
    }
    JsonNode m = new ObjectMapper().readTree(run.resolve("manifest.json").toFile());
    for (JsonNode chart : m.get("charts")) {
      assertEquals(chart.get("png").asText().replaceFirst("\\.png$", ".svg"), chart.get("svg").asText());
    }
    // Drawn again, the same bytes: the SVG's internal ids do not come from the clock.
    Path again = writeRun("run-2");
    for (String png : pngs) {
      String svg = png.replaceFirst("\\.png$", ".svg");
      assertEquals(Files.readString(run.resolve(svg)), Files.readString(again.resolve(svg)), svg);
    }
  }

  @Test
  void sha256IsTheStandardDigest() throws IOException {
    Path f = tmp.resolve("abc.txt");
    Files.writeString(f, "abc");
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        Manifest.sha256(f));
  }

  @Test
  void latestFollowsTheNewestRunAndOlderRunsStay() throws IOException {
    writeRun("run-1");
    Path latest = bundles().resolve("latest");
    assertTrue(Files.isSymbolicLink(latest));
    assertEquals(Path.of("run-1"), Files.readSymbolicLink(latest), "relative link");
    writeRun("run-2");
    assertEquals(Path.of("run-2"), Files.readSymbolicLink(latest));
    assertTrue(Files.isRegularFile(bundles().resolve("run-1/index.html")), "first run kept");
    assertTrue(Files.readString(latest.resolve("index.html")).contains("run-2"));
    assertEquals(Set.of("run-1", "run-2", "latest"), names(bundles()));
  }

  @Test
  void rerunningARunIdReplacesItsFolder() throws IOException {
    Path run = writeRun("run-1");
    Files.writeString(run.resolve("stale.txt"), "from an older attempt");
    writeRun("run-1");
    assertFalse(Files.exists(run.resolve("stale.txt")));
    assertTrue(Files.isRegularFile(run.resolve("index.html")));
    assertEquals(Set.of("run-1", "latest"), names(bundles()));
  }

  @Test
  void aFailedRunChangesNothing() throws IOException {
    writeRun("run-1");
    Path leftover = bundles().resolve(".run-2.tmp");
    Files.createDirectories(leftover.resolve("charts"));
    BundleWriter writer = new BundleWriter(bundles());
    IOException e = assertThrows(IOException.class, () -> writer.write(
        BundleFixtures.run("run-2"), BundleData.of(BundleFixtures.correlations(), List.of()),
        folder -> {
          throw new IOException("renderer broke");
        }));
    assertEquals("renderer broke", e.getMessage());
    assertEquals(Path.of("run-1"), Files.readSymbolicLink(bundles().resolve("latest")));
    assertEquals(Set.of("run-1", "latest"), names(bundles()));
  }

  @Test
  void aChartNotInTheBundleFailsTheRun() throws IOException {
    BundleWriter writer = new BundleWriter(bundles());
    assertThrows(IllegalArgumentException.class, () -> writer.write(BundleFixtures.run("r"),
        BundleData.of(List.of(), List.of()), folder -> folder.add(new BundleChart(
            Section.TRENDS, "t", "c", "a", "charts/missing.png", "charts/missing.svg", "data/missing.csv"))));
    assertFalse(Files.exists(bundles().resolve("latest"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertEquals(Set.of(), names(bundles()));
  }

  @Test
  void folderHandsOutSafeUniqueNames() {
    BundleFolder folder = new BundleFolder(tmp);
    assertEquals(tmp.resolve("charts/a.png"), folder.png("a"));
    assertThrows(IllegalArgumentException.class, () -> folder.png("a"));
    assertThrows(IllegalArgumentException.class, () -> folder.svg("a"), "the PNG's SVG is taken with it");
    assertEquals(tmp.resolve("charts/b.svg"), folder.svg("b"));
    assertThrows(IllegalArgumentException.class, () -> folder.png("b"));
    assertThrows(IllegalArgumentException.class, () -> folder.csv("correlations"));
    assertThrows(IllegalArgumentException.class, () -> folder.csv("../escape"));
    assertThrows(IllegalArgumentException.class, () -> folder.png(".hidden"));
  }

  @Test
  void runIdsThatCannotNameAFolderAreRejected() {
    for (String bad : List.of("", "latest", ".x", "a/b", "..", "a b")) {
      assertThrows(IllegalArgumentException.class, () -> BundleFixtures.run(bad), bad);
    }
  }

  /** Relative paths of all regular files under {@code dir}. */
  static Set<String> files(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> dir.relativize(p).toString().replace('\\', '/'))
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }

  /** Names of the entries directly in {@code dir}. */
  static Set<String> names(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    if (!Files.exists(dir)) {
      return Set.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      list.forEach(p -> out.add(p.getFileName().toString()));
    }
    return Set.copyOf(out);
  }
}
