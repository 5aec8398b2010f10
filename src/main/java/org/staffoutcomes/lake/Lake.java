package org.staffoutcomes.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The Parquet lake under a work folder, and the only place that knows its layout. Every table is
 * replaced whole: written beside its final place, then swapped in, so a reader never sees half a
 * table and a failed run leaves the previous one in place.
 *
 * <pre>
 * lake/raw/&lt;dataset&gt;/year=YYYY/   ingested rows, typed, partitioned by the year the period starts
 * lake/quarantine/&lt;dataset&gt;/       rejected lines: source file, line, raw text, reason
 * lake/panel/                      trust x survey year panel
 * lake/analysis/correlations/      correlation results
 * lake/analysis/trends/            trend summaries
 * lake/analysis/shares/            share of an ordinal outcome's top levels per staff quintile
 * lake/_state/&lt;dataset&gt;.json       fingerprint and counts of the last ingest
 * </pre>
 */
public final class Lake {

  private final SparkSession spark;
  private final String root;

  public Lake(SparkSession spark, Path workdir) {
    this.spark = spark;
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

  public String correlations() {
    return root + "/analysis/correlations";
  }

  public String shares() {
    return root + "/analysis/shares";
  }

  public String trends() {
    return root + "/analysis/trends";
  }

  String state(String dataset) {
    return root + "/_state/" + dataset + ".json";
  }

  public Dataset<Row> read(String table) {
    if (!exists(table)) {
      throw new LakeException("Cannot read " + table + ": it has not been written yet (run the earlier stage first)");
    }
    return spark.read().parquet(table);
  }

  public boolean exists(String table) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(table);
      return fs(p).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces {@code table} with {@code data}, partitioned by the given columns. */
  public void replace(String table, Dataset<Row> data, String... partitionBy) {
    org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(table);
    org.apache.hadoop.fs.Path staging = new org.apache.hadoop.fs.Path(table + ".staging");
    org.apache.hadoop.fs.Path old = new org.apache.hadoop.fs.Path(table + ".old");
    Dataset<Row> oneFilePerPartition = partitionBy.length == 0 ? data
        : data.repartition(java.util.Arrays.stream(partitionBy).map(org.apache.spark.sql.functions::col)
            .toArray(org.apache.spark.sql.Column[]::new));
    oneFilePerPartition.write().mode(SaveMode.Overwrite).partitionBy(partitionBy).parquet(staging.toString());
    try {
      FileSystem fs = fs(target);
      fs.delete(old, true);
      if (fs.exists(target) && !fs.rename(target, old)) {
        throw new LakeException("Cannot move " + target + " aside to replace it");
      }
      if (!fs.rename(staging, target)) {
        throw new LakeException("Cannot move " + staging + " to " + target);
      }
      fs.delete(old, true);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot replace " + table, e);
    }
  }

  /** The text of a small state file, if present. */
  public Optional<String> readState(String dataset) {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(state(dataset));
    try {
      FileSystem fs = fs(p);
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

  public void writeState(String dataset, String text) {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(state(dataset));
    try (FSDataOutputStream out = fs(p).create(p, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private FileSystem fs(org.apache.hadoop.fs.Path p) throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    return p.getFileSystem(conf);
  }
}
