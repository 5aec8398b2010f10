package org.staffoutcomes.trends;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.staffoutcomes.lake.Lake;

/** {@link TrendTable} as the Spark rows the trend stage produces. */
public final class TrendSchema {

  public static final StructType SCHEMA = Lake.schemaOf(TrendTable.LAYOUT);

  private TrendSchema() {}

  public static Row toRow(TrendRow t) {
    return Lake.row(TrendTable.values(t));
  }

  public static TrendRow fromRow(Row r) {
    return TrendTable.from(Lake.record(TrendTable.NAME, r));
  }
}
