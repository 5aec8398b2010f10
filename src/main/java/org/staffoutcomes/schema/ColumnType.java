package org.staffoutcomes.schema;

/** The type a column is cast to on ingest. */
public enum ColumnType {
  STRING,
  INTEGER,
  DOUBLE
}
