package org.staffoutcomes.analysis;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The lake schema of {@link ShareRow}; missing shares and bounds are nulls in the lake, NaN in Java. */
public final class ShareSchema {

  public static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("staff_measure", DataTypes.StringType, false),
      DataTypes.createStructField("outcome", DataTypes.StringType, false),
      DataTypes.createStructField("share_label", DataTypes.StringType, false),
      DataTypes.createStructField("year", DataTypes.StringType, false),
      DataTypes.createStructField("quintile", DataTypes.IntegerType, false),
      DataTypes.createStructField("quintile_low", DataTypes.DoubleType, false),
      DataTypes.createStructField("quintile_high", DataTypes.DoubleType, false),
      DataTypes.createStructField("n", DataTypes.LongType, false),
      DataTypes.createStructField("successes", DataTypes.LongType, false),
      DataTypes.createStructField("share", DataTypes.DoubleType, true),
      DataTypes.createStructField("ci_low", DataTypes.DoubleType, true),
      DataTypes.createStructField("ci_high", DataTypes.DoubleType, true)));

  private ShareSchema() {}

  public static Row toRow(ShareRow s) {
    return RowFactory.create(s.staffMeasure(), s.outcome(), s.shareLabel(), s.year(), s.quintile(),
        s.quintileLow(), s.quintileHigh(), s.n(), s.successes(), orNull(s.share()), orNull(s.ciLow()),
        orNull(s.ciHigh()));
  }

  public static ShareRow fromRow(Row r) {
    return new ShareRow(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getInt(4),
        r.getDouble(5), r.getDouble(6), r.getLong(7), r.getLong(8), orNaN(r, 9), orNaN(r, 10), orNaN(r, 11));
  }

  private static Double orNull(double v) {
    return Double.isNaN(v) ? null : v;
  }

  private static double orNaN(Row r, int i) {
    return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
  }
}
