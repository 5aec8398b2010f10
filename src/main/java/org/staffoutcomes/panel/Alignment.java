package org.staffoutcomes.panel;

import java.time.YearMonth;
import java.util.OptionalInt;
import org.staffoutcomes.schema.AlignSpec;
import org.staffoutcomes.schema.Window;

/**
 * Which survey year a row's period counts towards. Survey year {@code Y} takes the rows whose
 * months lie wholly inside the window (calendar or financial year) starting in year
 * {@code Y + offset}; a period that straddles two windows counts towards none (it stays in the
 * lake and is reported, but no part of it is guessed into a survey year). Pure functions.
 */
public final class Alignment {

  private Alignment() {}

  public static OptionalInt surveyYear(YearMonth start, YearMonth end, AlignSpec align) {
    int windowStartYear = windowStartYear(start, align.window());
    YearMonth windowEnd = windowEnd(windowStartYear, align.window());
    if (end.isAfter(windowEnd)) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(windowStartYear - align.offset());
  }

  /** The year in which the window holding {@code month} starts. */
  static int windowStartYear(YearMonth month, Window window) {
    return switch (window) {
      case CALENDAR_YEAR -> month.getYear();
      case FINANCIAL_YEAR -> month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1;
    };
  }

  static YearMonth windowEnd(int windowStartYear, Window window) {
    return switch (window) {
      case CALENDAR_YEAR -> YearMonth.of(windowStartYear, 12);
      case FINANCIAL_YEAR -> YearMonth.of(windowStartYear + 1, 3);
    };
  }
}
