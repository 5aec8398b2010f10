package org.staffoutcomes.schema;

/** The twelve months matched to a survey year. */
public enum Window {
  /** January to December of the year. */
  CALENDAR_YEAR,
  /** April of the year to March of the next (the NHS financial year in which the survey is fielded). */
  FINANCIAL_YEAR
}
