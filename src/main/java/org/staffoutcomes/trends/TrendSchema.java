package org.staffoutcomes.trends;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The lake schema of {@link TrendRow}. */
public final class TrendSchema {

  public static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("measure", DataTypes.StringType, false),
      DataTypes.createStructField("group", DataTypes.StringType, false),
      DataTypes.createStructField("year", DataTypes.IntegerType, false),
      DataTypes.createStructField("n", DataTypes.LongType, false),
      DataTypes.createStructField("mean", DataTypes.DoubleType, false),
      DataTypes.createStructField("median", DataTypes.DoubleType, false),
      DataTypes.createStructField("q1", DataTypes.DoubleType, false),
      DataTypes.createStructField("q3", DataTypes.DoubleType, false),
      DataTypes.createStructField("min", DataTypes.DoubleType, false),
      DataTypes.createStructField("max", DataTypes.DoubleType, false)));

  private TrendSchema() {}

  public static Row toRow(TrendRow t) {
    return RowFactory.create(t.measure(), t.group(), t.year(), t.n(), t.mean(), t.median(), t.q1(), t.q3(),
        t.min(), t.max());
  }

  public static TrendRow fromRow(Row r) {
    return new TrendRow(r.getString(0), r.getString(1), r.getInt(2), r.getLong(3), r.getDouble(4),
        r.getDouble(5), r.getDouble(6), r.getDouble(7), r.getDouble(8), r.getDouble(9));
  }
}
