package org.staffoutcomes.lake;

/**
 * A lake column's Java values and the Parquet type they are stored as, the way Spark's Parquet
 * writer stores them (strings UTF-8 binary, dates INT32 days since 1970 ...): what {@link
 * RowMaterializer} reads and {@link RowWriteSupport} writes. Free of Spark, as {@link SmallTables}
 * is; a Spark column's kind is {@link PartFiles#kind}.
 */
enum ColumnKind {
  /** A String, as UTF-8 binary. */
  STRING,
  /** An Integer, as INT32. */
  INT,
  /** A Long, as INT64. */
  LONG,
  /** A Double, as DOUBLE. */
  DOUBLE,
  /** FLOAT, read as a Double (read only). */
  FLOAT,
  /** A Boolean. */
  BOOLEAN,
  /** INT32 DATE, read as a {@link java.time.LocalDate} (read only). */
  LOCAL_DATE,
  /** A {@link java.sql.Date}, as Spark's rows hold dates, as INT32 DATE. */
  SQL_DATE
}
