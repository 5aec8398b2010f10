package org.staffoutcomes.ingest;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.staffoutcomes.schema.ColumnSpec;
import org.staffoutcomes.schema.DatasetDescriptor;

/** The Spark schema of a dataset's ingested rows, and the conversion of a parsed line to a row. */
public final class LakeRows {

  public static final String SOURCE_FILE = "source_file";
  public static final String SOURCE_LINE = "source_line";
  public static final String PERIOD_START = "period_start";
  public static final String PERIOD_END = "period_end";
  public static final String YEAR = "year";
  /** Internal columns of the parse result; the double underscore keeps them apart from any descriptor column. */
  static final String RAW = "__raw";
  static final String REASON = "__reason";

  private LakeRows() {}

  /** Declared columns, then provenance and period columns, then the parse outcome. */
  public static StructType parsedSchema(DatasetDescriptor d) {
    List<StructField> fields = new ArrayList<>();
    for (ColumnSpec c : d.columns()) {
      fields.add(DataTypes.createStructField(c.name(), sparkType(c), true));
    }
    fields.add(DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(SOURCE_LINE, DataTypes.LongType, false));
    fields.add(DataTypes.createStructField(PERIOD_START, DataTypes.DateType, true));
    fields.add(DataTypes.createStructField(PERIOD_END, DataTypes.DateType, true));
    fields.add(DataTypes.createStructField(YEAR, DataTypes.IntegerType, true));
    fields.add(DataTypes.createStructField(RAW, DataTypes.StringType, false));
    fields.add(DataTypes.createStructField(REASON, DataTypes.StringType, true));
    return DataTypes.createStructType(fields);
  }

  /** The lake table's columns: {@link #parsedSchema} without the parse outcome. */
  public static StructType keptSchema(DatasetDescriptor d) {
    StructType parsed = parsedSchema(d);
    return DataTypes.createStructType(java.util.Arrays.copyOf(parsed.fields(), parsed.fields().length - 2));
  }

  /** A dataset's quarantine table: dataset, source file and line, raw text, reason. */
  public static final StructType QUARANTINE_SCHEMA = DataTypes.createStructType(new StructField[] {
      DataTypes.createStructField("dataset", DataTypes.StringType, false),
      DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false),
      DataTypes.createStructField(SOURCE_LINE, DataTypes.LongType, false),
      DataTypes.createStructField("raw", DataTypes.StringType, false),
      DataTypes.createStructField("reason", DataTypes.StringType, true)});

  /** A kept line as a row of {@link #keptSchema}. */
  static Row keptRow(ParsedLine line, int columnCount) {
    return RowFactory.create(keptValues(line, columnCount));
  }

  /** {@link #keptRow}'s values, in {@link #keptSchema}'s order. */
  static Object[] keptValues(ParsedLine line, int columnCount) {
    Object[] out = new Object[columnCount + 5];
    System.arraycopy(line.values(), 0, out, 0, columnCount);
    provenance(line, columnCount, out);
    return out;
  }

  /** Source file and line, then the period's start, end and year, from position {@code at}. */
  private static void provenance(ParsedLine line, int at, Object[] out) {
    out[at] = line.sourceFile();
    out[at + 1] = line.line();
    if (line.period() != null) {
      out[at + 2] = Date.valueOf(line.period().start().atDay(1));
      out[at + 3] = Date.valueOf(line.period().end().atDay(1));
      out[at + 4] = line.period().start().getYear();
    }
  }

  /** A rejected line as a row of {@link #QUARANTINE_SCHEMA}. */
  static Row quarantineRow(DatasetDescriptor d, ParsedLine line, String reason) {
    return RowFactory.create(quarantineValues(d, line, reason));
  }

  /** {@link #quarantineRow}'s values, in {@link #QUARANTINE_SCHEMA}'s order. */
  static Object[] quarantineValues(DatasetDescriptor d, ParsedLine line, String reason) {
    ParsedLine q = new ParsedLine(line.sourceFile(), line.line(), line.raw(), null, null, reason); // raw cut to 4 KB
    return new Object[] {d.name(), q.sourceFile(), q.line(), q.raw(), q.reason()};
  }

  static Row toRow(ParsedLine line, int columnCount) {
    Object[] out = new Object[columnCount + 7];
    if (line.values() != null) {
      System.arraycopy(line.values(), 0, out, 0, columnCount);
    }
    provenance(line, columnCount, out);
    out[columnCount + 5] = line.raw();
    out[columnCount + 6] = line.reason();
    return RowFactory.create(out);
  }

  private static DataType sparkType(ColumnSpec c) {
    return switch (c.type()) {
      case STRING -> DataTypes.StringType;
      case INTEGER, ORDINAL -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
    };
  }
}
