package org.staffoutcomes.ingest;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.staffoutcomes.schema.PeriodFormat;

/** Turns the period text of a row into the months it covers. Pure functions; no Spark. */
public final class Periods {

  private static final Pattern YEAR = Pattern.compile("(\\d{4})");
  private static final Pattern FINANCIAL_YEAR = Pattern.compile("(?:FY)?(\\d{4})(?:[/-](\\d{2}|\\d{4}))?");
  private static final Pattern ROLLING = Pattern.compile("([A-Za-z]{3})(\\d{2})_([A-Za-z]{3})(\\d{2})");
  private static final DateTimeFormatter MONTH_ABBREVIATION = new DateTimeFormatterBuilder()
      .parseCaseInsensitive().appendPattern("MMM").toFormatter(Locale.ENGLISH);

  private Periods() {}

  /**
   * @param text the period as written (trimmed)
   * @param format how it is written
   * @param pattern date pattern for {@link PeriodFormat#MONTH}
   * @throws IllegalArgumentException with a message naming the value and the expected form
   */
  public static MonthInterval parse(String text, PeriodFormat format, String pattern) {
    return switch (format) {
      case YEAR -> year(text);
      case FINANCIAL_YEAR -> financialYear(text);
      case MONTH, DATE -> MonthInterval.of(month(text, pattern));
      case ROLLING_MONTHS -> rolling(text);
    };
  }

  private static MonthInterval year(String text) {
    Matcher m = YEAR.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a year (expected e.g. 2019)");
    }
    int y = Integer.parseInt(m.group(1));
    return new MonthInterval(YearMonth.of(y, 1), YearMonth.of(y, 12));
  }

  private static MonthInterval financialYear(String text) {
    Matcher m = FINANCIAL_YEAR.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a financial year (expected e.g. 2019/20)");
    }
    int start = Integer.parseInt(m.group(1));
    if (m.group(2) != null) {
      int end = Integer.parseInt(m.group(2));
      int expected = m.group(2).length() == 2 ? (start + 1) % 100 : start + 1;
      if (end != expected) {
        throw new IllegalArgumentException("'" + text + "' is not a financial year: the second year must follow the first");
      }
    }
    return new MonthInterval(YearMonth.of(start, 4), YearMonth.of(start + 1, 3));
  }

  private static YearMonth month(String text, String pattern) {
    DateTimeFormatter f = monthFormatter(pattern);
    try {
      TemporalAccessor t = f.parse(text);
      return YearMonth.of(t.get(ChronoField.YEAR), t.get(ChronoField.MONTH_OF_YEAR));
    } catch (java.time.DateTimeException e) {
      throw new IllegalArgumentException("'" + text + "' is not a month in the form " + pattern);
    }
  }

  /**
   * A strict formatter for a descriptor's month pattern: impossible dates (2019-02-30) are
   * rejected. {@code y} is read as the proleptic year ({@code u}) so strict resolving needs no era.
   */
  public static DateTimeFormatter monthFormatter(String pattern) {
    DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().parseCaseInsensitive()
        .appendPattern(pattern.replace('y', 'u'));
    if (!pattern.contains("d")) {
      b.parseDefaulting(ChronoField.DAY_OF_MONTH, 1);
    }
    return b.toFormatter(Locale.ENGLISH).withResolverStyle(java.time.format.ResolverStyle.STRICT);
  }

  private static MonthInterval rolling(String text) {
    Matcher m = ROLLING.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + text + "' is not a period like APR22_MAR23");
    }
    YearMonth start = YearMonth.of(2000 + Integer.parseInt(m.group(2)), monthNumber(m.group(1), text));
    YearMonth end = YearMonth.of(2000 + Integer.parseInt(m.group(4)), monthNumber(m.group(3), text));
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("'" + text + "' ends before it starts");
    }
    return new MonthInterval(start, end);
  }

  private static int monthNumber(String abbreviation, String text) {
    try {
      return MONTH_ABBREVIATION.parse(abbreviation).get(ChronoField.MONTH_OF_YEAR);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' has an unknown month '" + abbreviation + "'");
    }
  }
}
