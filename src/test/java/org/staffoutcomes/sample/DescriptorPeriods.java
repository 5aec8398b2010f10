package org.staffoutcomes.sample;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The months a period covers, read as a descriptor's {@code period.format} says (for the layout
 * contract test; deliberately not the pipeline's parser). A month or date must be written exactly
 * in the declared pattern: parsed strictly, it must print back to the same text.
 */
final class DescriptorPeriods {

  private static final Pattern FINANCIAL_YEAR = Pattern.compile("(\\d{4})/(\\d{2})");
  private static final Pattern ROLLING = Pattern.compile("([A-Z]{3})(\\d{2})_([A-Z]{3})(\\d{2})");
  private static final DateTimeFormatter MON = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);

  private DescriptorPeriods() {}

  /** {first month, last month} of the period, or an exception naming the problem. */
  static YearMonth[] parse(String text, String format, String pattern) {
    switch (format) {
      case "year": {
        int y = Integer.parseInt(text);
        return new YearMonth[] {YearMonth.of(y, 1), YearMonth.of(y, 12)};
      }
      case "financial_year": {
        Matcher m = FINANCIAL_YEAR.matcher(text);
        if (!m.matches() || (Integer.parseInt(m.group(1)) + 1) % 100
            != Integer.parseInt(m.group(2))) {
          throw new IllegalArgumentException("not a financial year like 2019/20: " + text);
        }
        int y = Integer.parseInt(m.group(1));
        return new YearMonth[] {YearMonth.of(y, 4), YearMonth.of(y + 1, 3)};
      }
      case "month", "date": {
        YearMonth month = YearMonth.from(exact(text, pattern, format.equals("date")));
        return new YearMonth[] {month, month};
      }
      case "rolling_months": {
        Matcher m = ROLLING.matcher(text);
        if (!m.matches()) {
          throw new IllegalArgumentException("not a rolling period like APR19_MAR20: " + text);
        }
        YearMonth start = YearMonth.of(2000 + Integer.parseInt(m.group(2)), month(m.group(1)));
        YearMonth end = YearMonth.of(2000 + Integer.parseInt(m.group(4)), month(m.group(3)));
        if (end.isBefore(start)) {
          throw new IllegalArgumentException("ends before it starts: " + text);
        }
        return new YearMonth[] {start, end};
      }
      default:
        throw new IllegalArgumentException("unknown period format " + format);
    }
  }

  /** Financial year (starting April) of the month. */
  static int financialYear(YearMonth month) {
    return month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1;
  }

  private static TemporalAccessor exact(String text, String pattern, boolean day) {
    DateTimeFormatterBuilder b = new DateTimeFormatterBuilder()
        .appendPattern(pattern.replace('y', 'u'));
    if (!day) {
      b.parseDefaulting(ChronoField.DAY_OF_MONTH, 1);
    }
    DateTimeFormatter strict = b.toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
    TemporalAccessor t = strict.parse(text);
    String back = DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH)
        .format(LocalDate.from(t));
    if (!back.equals(text)) {
      throw new IllegalArgumentException("'" + text + "' is not written as " + pattern);
    }
    return t;
  }

  private static int month(String upper) {
    String title = upper.charAt(0) + upper.substring(1).toLowerCase(Locale.ROOT);
    return MON.parse(title).get(ChronoField.MONTH_OF_YEAR);
  }
}
