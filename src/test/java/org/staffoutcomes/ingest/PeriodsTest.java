package org.staffoutcomes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.staffoutcomes.schema.PeriodFormat;

/** {@link Periods#parse}: each way a dataset writes a period, and the messages for bad ones. */
class PeriodsTest {

  private static MonthInterval interval(int startYear, int startMonth, int endYear, int endMonth) {
    return new MonthInterval(YearMonth.of(startYear, startMonth), YearMonth.of(endYear, endMonth));
  }

  private static void assertRejected(String message, String text, PeriodFormat format, String pattern) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Periods.parse(text, format, pattern));
    assertEquals(message, e.getMessage());
  }

  // ---- year ----

  @Test
  void yearCoversJanuaryToDecember() {
    assertEquals(interval(2019, 1, 2019, 12), Periods.parse("2019", PeriodFormat.YEAR, null));
  }

  @Test
  void yearMustBeFourDigits() {
    assertRejected("'19' is not a year (expected e.g. 2019)", "19", PeriodFormat.YEAR, null);
    assertRejected("'2019/20' is not a year (expected e.g. 2019)", "2019/20", PeriodFormat.YEAR, null);
    assertRejected("'' is not a year (expected e.g. 2019)", "", PeriodFormat.YEAR, null);
  }

  // ---- financial_year ----

  @ParameterizedTest
  @ValueSource(strings = {"2019/20", "2019-20", "FY2019-20", "2019", "2019/2020", "FY2019/20"})
  void financialYearCoversAprilToMarch(String text) {
    assertEquals(interval(2019, 4, 2020, 3), Periods.parse(text, PeriodFormat.FINANCIAL_YEAR, null));
  }

  @Test
  void financialYearAcrossTheCentury() {
    assertEquals(interval(2099, 4, 2100, 3), Periods.parse("2099/00", PeriodFormat.FINANCIAL_YEAR, null));
  }

  @Test
  void financialYearWhoseSecondYearDoesNotFollowIsRejected() {
    assertRejected("'2019/21' is not a financial year: the second year must follow the first",
        "2019/21", PeriodFormat.FINANCIAL_YEAR, null);
    assertRejected("'2019/19' is not a financial year: the second year must follow the first",
        "2019/19", PeriodFormat.FINANCIAL_YEAR, null);
    assertRejected("'2019-2021' is not a financial year: the second year must follow the first",
        "2019-2021", PeriodFormat.FINANCIAL_YEAR, null);
  }

  @Test
  void financialYearInAnotherFormIsRejected() {
    assertRejected("'19/20' is not a financial year (expected e.g. 2019/20)",
        "19/20", PeriodFormat.FINANCIAL_YEAR, null);
    assertRejected("'2019_20' is not a financial year (expected e.g. 2019/20)",
        "2019_20", PeriodFormat.FINANCIAL_YEAR, null);
  }

  // ---- month ----

  @Test
  void monthFromLastDayOfMonth() {
    assertEquals(MonthInterval.of(YearMonth.of(2019, 4)), Periods.parse("2019-04-30", PeriodFormat.MONTH, "yyyy-MM-dd"));
    assertEquals(MonthInterval.of(YearMonth.of(2020, 3)), Periods.parse("2020-03-31", PeriodFormat.MONTH, "yyyy-MM-dd"));
  }

  @Test
  void monthFromAbbreviationAndTwoDigitYear() {
    assertEquals(MonthInterval.of(YearMonth.of(2019, 4)), Periods.parse("Apr-19", PeriodFormat.MONTH, "MMM-yy"));
    assertEquals(MonthInterval.of(YearMonth.of(2020, 12)), Periods.parse("DEC-20", PeriodFormat.MONTH, "MMM-yy"));
    assertEquals(MonthInterval.of(YearMonth.of(2021, 1)), Periods.parse("jan-21", PeriodFormat.MONTH, "MMM-yy"));
  }

  @Test
  void monthNotInThePatternIsRejected() {
    assertRejected("'2019-04' is not a month in the form yyyy-MM-dd", "2019-04", PeriodFormat.MONTH, "yyyy-MM-dd");
    assertRejected("'30/04/2019' is not a month in the form yyyy-MM-dd", "30/04/2019", PeriodFormat.MONTH, "yyyy-MM-dd");
    assertRejected("'2019-13-01' is not a month in the form yyyy-MM-dd", "2019-13-01", PeriodFormat.MONTH, "yyyy-MM-dd");
    assertRejected("'Apx-19' is not a month in the form MMM-yy", "Apx-19", PeriodFormat.MONTH, "MMM-yy");
    assertRejected("'April-19' is not a month in the form MMM-yy", "April-19", PeriodFormat.MONTH, "MMM-yy");
  }

  // ---- rolling_months ----

  @Test
  void rollingMonthsCoverBothEnds() {
    assertEquals(interval(2022, 4, 2023, 3), Periods.parse("APR22_MAR23", PeriodFormat.ROLLING_MONTHS, null));
    assertEquals(interval(2019, 1, 2019, 12), Periods.parse("JAN19_DEC19", PeriodFormat.ROLLING_MONTHS, null));
    assertEquals(interval(2020, 6, 2020, 6), Periods.parse("JUN20_JUN20", PeriodFormat.ROLLING_MONTHS, null));
  }

  @Test
  void rollingMonthsAcceptLowerAndMixedCase() {
    assertEquals(interval(2022, 4, 2023, 3), Periods.parse("apr22_mar23", PeriodFormat.ROLLING_MONTHS, null));
    assertEquals(interval(2022, 4, 2023, 3), Periods.parse("Apr22_Mar23", PeriodFormat.ROLLING_MONTHS, null));
  }

  @Test
  void rollingMonthsWithAnUnknownMonthIsRejectedNamingIt() {
    assertRejected("'XYZ22_MAR23' has an unknown month 'XYZ'", "XYZ22_MAR23", PeriodFormat.ROLLING_MONTHS, null);
    assertRejected("'APR22_MRZ23' has an unknown month 'MRZ'", "APR22_MRZ23", PeriodFormat.ROLLING_MONTHS, null);
  }

  @Test
  void rollingMonthsInAnotherShapeIsRejected() {
    assertRejected("'APR2022_MAR2023' is not a period like APR22_MAR23", "APR2022_MAR2023",
        PeriodFormat.ROLLING_MONTHS, null);
    assertRejected("'APR22-MAR23' is not a period like APR22_MAR23", "APR22-MAR23", PeriodFormat.ROLLING_MONTHS, null);
  }

  @Test
  void rollingMonthsEndingBeforeTheyStartAreRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Periods.parse("APR23_MAR22", PeriodFormat.ROLLING_MONTHS, null));
    assertTrue(e.getMessage().contains("ends before it starts"), e.getMessage());
  }

  /**
   * {@link Periods#parse} promises a message "naming the value": this one is what a quarantine
   * reason shows, so it must say which text was wrong.
   */
  @Test
  void rollingMonthsEndingBeforeTheyStartNameTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Periods.parse("APR23_MAR22", PeriodFormat.ROLLING_MONTHS, null));
    assertTrue(e.getMessage().contains("'APR23_MAR22'"), e.getMessage());
  }
}
