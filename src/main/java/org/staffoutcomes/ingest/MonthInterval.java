package org.staffoutcomes.ingest;

import java.time.YearMonth;

/** The months a row covers, first and last inclusive. */
public record MonthInterval(YearMonth start, YearMonth end) {

  public MonthInterval {
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("Invalid period: ends (" + end + ") before it starts (" + start + ")");
    }
  }

  public static MonthInterval of(YearMonth month) {
    return new MonthInterval(month, month);
  }
}
