package org.staffoutcomes.lake;

import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Rows held by the driver (small by construction: a driver-parsed dataset) written as a lake
 * table in plain Java, with no Spark job, in the layout Spark writes ({@link PartFiles}): one part
 * file per value of the partition columns under {@code col=value/} (none when there are no rows),
 * or one part file (even when empty) when unpartitioned.
 */
final class RowTables {

  private RowTables() {}

  /**
   * Writes {@code rows} (each holding {@code schema}'s fields in order) into the folder
   * {@code staging}, which must not hold a table yet.
   */
  static void write(FileSystem fs, Configuration conf, Path staging, List<Row> rows, StructType schema,
      String... partitionBy) throws IOException {
    fs.mkdirs(staging);
    try (PartFiles.Writer w = new PartFiles(staging.toString(), schema, partitionBy).open(0, conf)) {
      Object[] values = new Object[schema.fields().length];
      for (Row r : rows) {
        for (int i = 0; i < values.length; i++) {
          values[i] = r.get(i);
        }
        w.write(values);
      }
      w.writeEmptyIfNone();
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    fs.create(new Path(staging, "_SUCCESS"), true).close();
  }
}
