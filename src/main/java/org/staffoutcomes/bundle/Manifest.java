package org.staffoutcomes.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.util.Optional;
import java.util.stream.Stream;
import org.staffoutcomes.publish.DatasetRows;
import org.staffoutcomes.publish.FailedCheck;
import org.staffoutcomes.publish.PublishChecks;
import org.staffoutcomes.publish.Verdict;

/**
 * {@code manifest.json}: the run, its inputs and every other file of the bundle with size and
 * SHA-256, so a data team can check a copied bundle and tell which inputs made it.
 */
final class Manifest {

  static final String FILE_NAME = "manifest.json";
  static final int FORMAT_VERSION = 1;

  @JsonPropertyOrder({"manifest_version", "run_id", "started", "finished", "project_version",
      "catalog", "publish", "datasets", "inputs", "charts", "outputs"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Content(int manifestVersion, String runId, String started, String finished,
      String projectVersion, Catalog catalog, Publish publish, List<DatasetRows> datasets,
      List<InputFile> inputs, List<Chart> charts, List<OutputFile> outputs) {}

  /**
   * What the publish checks decided: whether every check passed, whether the bundle became {@code
   * latest} ({@code published}; false for a failed run's bundle, kept under its run id), whether
   * {@code --publish-anyway} made it so, the bundle the rows were compared with, and each failed
   * check (check, dataset, message).
   */
  @JsonPropertyOrder({"checks_passed", "published", "published_anyway", "compared_with", "failed_checks"})
  record Publish(boolean checksPassed, boolean published, boolean publishedAnyway, String comparedWith,
      List<FailedCheck> failedChecks) {

    static Publish of(Verdict v) {
      return new Publish(v.passed(), v.publishes(), v.publishAnyway() && !v.passed(), v.baseline(), v.failed());
    }
  }

  record Catalog(String name, String title) {}

  @JsonPropertyOrder({"section", "title", "png", "svg", "csv"})
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Chart(String section, String title, String png, String svg, String csv) {}

  @JsonPropertyOrder({"path", "bytes", "sha256"})
  record OutputFile(String path, long bytes, String sha256) {}

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private Manifest() {}

  /** Writes {@code manifest.json} into {@code root}, listing every file already there. */
  static Content write(RunInfo run, List<BundleChart> charts, Verdict verdict, Path root) throws IOException {
    List<Chart> chartList = charts.stream()
        .map(c -> new Chart(c.section().id(), c.title(), c.png(), c.svg(), c.csv())).toList();
    Content content = new Content(FORMAT_VERSION, run.runId(),
        DateTimeFormatter.ISO_INSTANT.format(run.started()),
        DateTimeFormatter.ISO_INSTANT.format(run.finished()), run.projectVersion(),
        new Catalog(run.catalogName(), run.catalogTitle()), verdict == null ? null : Publish.of(verdict),
        verdict == null ? null : verdict.rows(), run.inputs(), chartList, outputs(root));
    JSON.writeValue(root.resolve(FILE_NAME).toFile(), content);
    return content;
  }

  /**
   * The rows per dataset and year that the bundle in {@code folder} recorded, with its run id;
   * empty when it has no manifest or one written before rows were recorded.
   */
  static Optional<PublishChecks.Published> publishedRows(Path folder) {
    Path file = folder.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode m = JSON.readTree(file.toFile());
      JsonNode datasets = m.get("datasets");
      if (datasets == null || !datasets.isArray()) {
        return Optional.empty();
      }
      List<DatasetRows> rows = new ArrayList<>();
      for (JsonNode d : datasets) {
        rows.add(JSON.treeToValue(d, DatasetRows.class));
      }
      return Optional.of(new PublishChecks.Published(m.path("run_id").asText(folder.getFileName().toString()), rows));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the row counts of the published bundle: " + file, e);
    }
  }

  /** Regular files under {@code root} except the manifest, sorted by relative path. */
  static List<OutputFile> outputs(Path root) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    // Hashed on every core (a sample bundle is about 150 MB); listed in path order whatever the threads did.
    List<OutputFile> out;
    try {
      out = new ArrayList<>(files.parallelStream()
          .filter(f -> !root.relativize(f).toString().replace('\\', '/').equals(FILE_NAME))
          .map(f -> {
            try {
              return new OutputFile(root.relativize(f).toString().replace('\\', '/'), Files.size(f), sha256(f));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }).toList());
    } catch (UncheckedIOException e) {
      throw e.getCause();
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
