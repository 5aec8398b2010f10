package org.staffoutcomes.pipeline;

import org.apache.spark.sql.SparkSession;
import org.staffoutcomes.lake.LocalFiles;

/**
 * The Spark session of a command. Locally it runs in this JVM ({@code local[*]} by default) with
 * the UI off; under spark-submit the master and resources come from spark-submit and are not
 * overridden. A command stops the session only if it started it, so commands can run inside a
 * JVM that already has one (tests, notebooks).
 */
public final class SparkSessions {

  private SparkSessions() {}

  private static void defaultConfig(SparkSession.Builder b, String key, String value) {
    if (System.getProperty(key) == null) {
      b.config(key, value);
    }
  }

  /** A session and whether closing this handle stops it. */
  public record Handle(SparkSession spark, boolean owned) implements AutoCloseable {
    @Override
    public void close() {
      if (owned) {
        spark.stop();
      }
    }
  }

  /** @param master a Spark master URL, or null for local[*] (or spark-submit's master) */
  public static Handle open(String master) {
    boolean existed = SparkSession.getDefaultSession().isDefined();
    return new Handle(create(master), !existed);
  }

  /** The running session, or a new one configured for this pipeline. */
  public static SparkSession create(String master) {
    SparkSession.Builder b = SparkSession.builder().appName("staff-outcomes");
    boolean submitted = System.getProperty("spark.master") != null;
    if (!submitted) {
      b.master(master == null ? "local[*]" : master)
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.sql.adaptive.enabled", "true")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1");
    } else if (master != null) {
      b.master(master);
    }
    b.config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.parquet.compression.codec", "snappy");
    // A partitioned write of rows that arrive grouped (one survey year per file and task) needs no
    // sort: a writer per partition value (up to 16 open at once) instead of sorting every row of a
    // task by year first. Settings given to spark-submit win.
    defaultConfig(b, "spark.sql.optimizer.plannedWrite.enabled", "false");
    defaultConfig(b, "spark.sql.maxConcurrentOutputFileWriters", "16");
    // Local paths without a chmod process per file and folder written (see LocalFiles), on the
    // driver and on every executor, unless spark-submit names another file system.
    defaultConfig(b, "spark.hadoop.fs.file.impl", LocalFiles.class.getName());
    SparkSession spark = b.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
