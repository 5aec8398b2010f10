package org.staffoutcomes.pipeline;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a command. Locally it runs in this JVM ({@code local[*]} by default) with
 * the UI off; under spark-submit the master and resources come from spark-submit and are not
 * overridden.
 */
public final class SparkSessions {

  private SparkSessions() {}

  /** @param master a Spark master URL, or null to take it from spark-submit's configuration */
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
        .config("spark.sql.parquet.compression.codec", "snappy")
        .config("spark.sql.sources.partitionOverwriteMode", "static");
    SparkSession spark = b.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
