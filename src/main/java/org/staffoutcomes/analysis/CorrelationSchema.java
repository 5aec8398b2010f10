package org.staffoutcomes.analysis;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The lake schema of {@link CorrelationRow}; missing coefficients are nulls in the lake, NaN in Java. */
public final class CorrelationSchema {

  public static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("staff_measure", DataTypes.StringType, false),
      DataTypes.createStructField("outcome", DataTypes.StringType, false),
      DataTypes.createStructField("lag", DataTypes.IntegerType, false),
      DataTypes.createStructField("scope", DataTypes.StringType, false),
      DataTypes.createStructField("year", DataTypes.StringType, false),
      DataTypes.createStructField("method", DataTypes.StringType, false),
      DataTypes.createStructField("r", DataTypes.DoubleType, true),
      DataTypes.createStructField("ci_low", DataTypes.DoubleType, true),
      DataTypes.createStructField("ci_high", DataTypes.DoubleType, true),
      DataTypes.createStructField("p", DataTypes.DoubleType, true),
      DataTypes.createStructField("n", DataTypes.LongType, false),
      DataTypes.createStructField("note", DataTypes.StringType, false)));

  private CorrelationSchema() {}

  public static Row toRow(CorrelationRow c) {
    return RowFactory.create(c.staffMeasure(), c.outcome(), c.lag(), c.scope(), c.year(), c.method(),
        orNull(c.r()), orNull(c.ciLow()), orNull(c.ciHigh()), orNull(c.p()), c.n(), c.note());
  }

  public static CorrelationRow fromRow(Row r) {
    return new CorrelationRow(r.getString(0), r.getString(1), r.getInt(2), r.getString(3), r.getString(4),
        r.getString(5), orNaN(r, 6), orNaN(r, 7), orNaN(r, 8), orNaN(r, 9), r.getLong(10), r.getString(11));
  }

  private static Double orNull(double v) {
    return Double.isNaN(v) ? null : v;
  }

  private static double orNaN(Row r, int i) {
    return r.isNullAt(i) ? Double.NaN : r.getDouble(i);
  }
}
