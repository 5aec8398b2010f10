package org.staffoutcomes.pipeline;

import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * A command's Spark session, opened the first time a stage asks for it ({@link #get}), so a
 * command whose work needs no Spark (small datasets parsed and written in the driver, render)
 * never pays Spark's start-up. Closing stops the session only if this handle opened it
 * ({@link SparkSessions#open}).
 */
public final class LazySpark implements Supplier<SparkSession>, AutoCloseable {

  private final String master;
  private SparkSessions.Handle handle;

  /** @param master a Spark master URL, or null for local[*] (or spark-submit's master) */
  public LazySpark(String master) {
    this.master = master;
  }

  /** The session, opened now if no stage has needed it before. */
  @Override
  public synchronized SparkSession get() {
    if (handle == null) {
      handle = SparkSessions.open(master);
    }
    return handle.spark();
  }

  /** Whether a stage has needed the session so far. */
  public synchronized boolean started() {
    return handle != null;
  }

  @Override
  public synchronized void close() {
    if (handle != null) {
      handle.close();
    }
  }
}
