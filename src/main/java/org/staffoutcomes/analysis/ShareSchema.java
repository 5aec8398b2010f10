package org.staffoutcomes.analysis;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.staffoutcomes.lake.Lake;

/** {@link ShareTable} as the Spark rows the share stage produces. */
public final class ShareSchema {

  public static final StructType SCHEMA = Lake.schemaOf(ShareTable.LAYOUT);

  private ShareSchema() {}

  public static Row toRow(ShareRow s) {
    return Lake.row(ShareTable.values(s));
  }

  public static ShareRow fromRow(Row r) {
    return ShareTable.from(Lake.record(ShareTable.NAME, r));
  }
}
