package org.staffoutcomes.bundle;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code manifest.json}: the run, its inputs and every other file of the bundle with size and
 * SHA-256, so a data team can check a copied bundle and tell which inputs made it.
 */
final class Manifest {

  static final String FILE_NAME = "manifest.json";
  static final int FORMAT_VERSION = 1;

  @JsonPropertyOrder({"manifest_version", "run_id", "started", "finished", "project_version",
      "catalog", "inputs", "charts", "outputs"})
  record Content(int manifestVersion, String runId, String started, String finished,
      String projectVersion, Catalog catalog, List<InputFile> inputs, List<Chart> charts,
      List<OutputFile> outputs) {}

  record Catalog(String name, String title) {}

  @JsonPropertyOrder({"section", "title", "png", "csv"})
  record Chart(String section, String title, String png, String csv) {}

  @JsonPropertyOrder({"path", "bytes", "sha256"})
  record OutputFile(String path, long bytes, String sha256) {}

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private Manifest() {}

  /** Writes {@code manifest.json} into {@code root}, listing every file already there. */
  static Content write(RunInfo run, List<BundleChart> charts, Path root) throws IOException {
    List<Chart> chartList = charts.stream()
        .map(c -> new Chart(c.section().id(), c.title(), c.png(), c.csv())).toList();
    Content content = new Content(FORMAT_VERSION, run.runId(),
        DateTimeFormatter.ISO_INSTANT.format(run.started()),
        DateTimeFormatter.ISO_INSTANT.format(run.finished()), run.projectVersion(),
        new Catalog(run.catalogName(), run.catalogTitle()), run.inputs(), chartList,
        outputs(root));
    JSON.writeValue(root.resolve(FILE_NAME).toFile(), content);
    return content;
  }

  /** Regular files under {@code root} except the manifest, sorted by relative path. */
  static List<OutputFile> outputs(Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    List<OutputFile> out = new ArrayList<>();
    for (Path f : files) {
      String rel = root.relativize(f).toString().replace('\\', '/');
      if (!rel.equals(FILE_NAME)) {
        out.add(new OutputFile(rel, Files.size(f), sha256(f)));
      }
    }
    out.sort(Comparator.comparing(OutputFile::path));
    return out;
  }

  /** Lowercase hex SHA-256 of a file's bytes. */
  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
