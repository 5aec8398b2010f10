package org.staffoutcomes.lake;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;

/** How a lake table's folder is laid out and replaced, for Spark-written and small tables alike. */
final class TableFiles {

  /** Beside a table's Parquet files: its schema as Spark JSON (names starting with _ are not data). */
  static final String SCHEMA_FILE = "_schema.json";

  private TableFiles() {}

  /**
   * Moves a fully written {@code staging} folder to {@code target}, replacing what was there:
   * the old table is moved aside first and deleted last, so a reader sees either table whole. A
   * run killed between the renames leaves {@code <table>.old} and maybe no table: the next command
   * on the work folder restores or finishes the swap first ({@code pipeline.Leftovers}).
   */
  static void swapIn(FileSystem fs, org.apache.hadoop.fs.Path target, org.apache.hadoop.fs.Path staging)
      throws IOException {
    org.apache.hadoop.fs.Path old = new org.apache.hadoop.fs.Path(target + ".old");
    fs.delete(old, true);
    if (fs.exists(target) && !fs.rename(target, old)) {
      throw new LakeException("Cannot move " + target + " aside to replace it");
    }
    org.staffoutcomes.config.PausePoint.reach("swap:" + target.getParent().getName() + "/" + target.getName());
    if (!fs.rename(staging, target)) {
      throw new LakeException("Cannot move " + staging + " to " + target);
    }
    fs.delete(old, true);
  }

}
