package org.staffoutcomes.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;

/**
 * Where each lake table and state file lives under a work folder: the one place that spells the
 * lake's layout, for Spark stages ({@link Lake}) and for the render stage, which reads without
 * Spark.
 */
public final class LakePaths {

  private final String root;

  public LakePaths(Path workdir) {
    this.root = workdir.toAbsolutePath().resolve("lake").toUri().toString().replaceAll("/$", "");
  }

  public String raw(String dataset) {
    return root + "/raw/" + dataset;
  }

  /** A survey dataset's scores per organisation and year (microdata, distributions). */
  public String scores(String dataset) {
    return root + "/scores/" + dataset;
  }

  public String quarantine(String dataset) {
    return root + "/quarantine/" + dataset;
  }

  public String panel() {
    return root + "/panel";
  }

  /** A result table of the analysis stage, e.g. {@code correlations}; the render stage reads only these. */
  public String analysis(String table) {
    return root + "/analysis/" + table;
  }

  /**
   * The memo of a stage's units ({@link UnitMemo}) beside the stages' records: {@code
   * lake/_state/stages/<stage>-units.json}.
   */
  public Path memo(String stage) {
    return Path.of(java.net.URI.create(root + "/_state/stages/" + stage + "-units.json"));
  }

  String state(String dataset) {
    return root + "/_state/" + dataset + ".json";
  }

  /** The text of a small state file, if present. */
  public Optional<String> readState(String dataset) {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(state(dataset));
    try {
      FileSystem fs = p.getFileSystem(LocalFiles.configuration());
      if (!fs.exists(p)) {
        return Optional.empty();
      }
      try (FSDataInputStream in = fs.open(p)) {
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
