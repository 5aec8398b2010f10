package org.staffoutcomes.schema;

/** The type a column is cast to on ingest. */
public enum ColumnType {
  STRING,
  INTEGER,
  DOUBLE,
  /** Ordered levels named in the column's {@code levels}; stored as the 1-based level. */
  ORDINAL
}
