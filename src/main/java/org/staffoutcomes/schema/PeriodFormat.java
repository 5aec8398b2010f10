package org.staffoutcomes.schema;

/** How a dataset writes the period a row covers. */
public enum PeriodFormat {
  /** A calendar or survey year: {@code 2019} covers January to December 2019. */
  YEAR,
  /** A financial year: {@code 2019/20}, {@code 2019-20}, {@code FY2019-20} or {@code 2019} (April 2019 to March 2020). */
  FINANCIAL_YEAR,
  /** One month, parsed with the descriptor's date {@code pattern} (e.g. {@code yyyy-MM-dd}). */
  MONTH,
  /** One day, parsed with the descriptor's date {@code pattern} (e.g. {@code dd/MM/yyyy}); aligned by its month. */
  DATE,
  /** A run of months such as {@code APR22_MAR23} (April 2022 to March 2023 inclusive). */
  ROLLING_MONTHS
}
