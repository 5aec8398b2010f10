package org.staffoutcomes.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.staffoutcomes.schema.AlignSpec;
import org.staffoutcomes.schema.Window;

/** {@link Alignment#surveyYear} at the edges of calendar and financial-year windows. */
class AlignmentTest {

  private static final AlignSpec FY = new AlignSpec(Window.FINANCIAL_YEAR, 0);
  private static final AlignSpec FY_NEXT = new AlignSpec(Window.FINANCIAL_YEAR, 1);
  private static final AlignSpec CALENDAR = new AlignSpec(Window.CALENDAR_YEAR, 0);

  private static OptionalInt month(int year, int month, AlignSpec align) {
    YearMonth m = YearMonth.of(year, month);
    return Alignment.surveyYear(m, m, align);
  }

  private static OptionalInt span(int y1, int m1, int y2, int m2, AlignSpec align) {
    return Alignment.surveyYear(YearMonth.of(y1, m1), YearMonth.of(y2, m2), align);
  }

  @Test
  void financialYearMonthsEitherSideOfApril() {
    assertEquals(OptionalInt.of(2019), month(2020, 3, FY));
    assertEquals(OptionalInt.of(2020), month(2020, 4, FY));
    assertEquals(OptionalInt.of(2019), month(2019, 4, FY));
    assertEquals(OptionalInt.of(2018), month(2019, 3, FY));
    assertEquals(OptionalInt.of(2019), month(2019, 12, FY));
    assertEquals(OptionalInt.of(2019), month(2020, 1, FY));
  }

  @Test
  void rollingPeriodOfExactlyOneFinancialYear() {
    assertEquals(OptionalInt.of(2019), span(2019, 4, 2020, 3, FY)); // APR19_MAR20
  }

  @Test
  void rollingPeriodInsideOneFinancialYear() {
    assertEquals(OptionalInt.of(2019), span(2019, 7, 2019, 12, FY));
  }

  @Test
  void rollingPeriodSpanningTwoFinancialYearsCountsTowardsNone() {
    assertEquals(OptionalInt.empty(), span(2019, 1, 2019, 12, FY)); // JAN19_DEC19
    assertEquals(OptionalInt.empty(), span(2019, 4, 2020, 4, FY)); // one month too long
    assertEquals(OptionalInt.empty(), span(2019, 3, 2019, 4, FY)); // two months across the boundary
  }

  @Test
  void calendarYearWindow() {
    assertEquals(OptionalInt.of(2019), month(2019, 1, CALENDAR));
    assertEquals(OptionalInt.of(2019), month(2019, 12, CALENDAR));
    assertEquals(OptionalInt.of(2020), month(2020, 1, CALENDAR));
    assertEquals(OptionalInt.of(2019), span(2019, 1, 2019, 12, CALENDAR)); // JAN19_DEC19
    assertEquals(OptionalInt.empty(), span(2019, 4, 2020, 3, CALENDAR)); // APR19_MAR20
    assertEquals(OptionalInt.empty(), span(2019, 12, 2020, 1, CALENDAR));
  }

  @Test
  void offsetOneGivesSurveyYearTheFollowingFinancialYear() {
    // Survey year 2019 takes FY 2020/21 (April 2020 to March 2021).
    assertEquals(OptionalInt.of(2019), month(2021, 3, FY_NEXT));
    assertEquals(OptionalInt.of(2019), month(2020, 4, FY_NEXT));
    assertEquals(OptionalInt.of(2018), month(2020, 3, FY_NEXT));
    assertEquals(OptionalInt.of(2020), month(2021, 4, FY_NEXT));
    assertEquals(OptionalInt.of(2019), span(2020, 4, 2021, 3, FY_NEXT));
    assertEquals(OptionalInt.empty(), span(2020, 1, 2020, 12, FY_NEXT));
  }

  @Test
  void offsetOneOnCalendarYears() {
    assertEquals(OptionalInt.of(2019), month(2020, 6, new AlignSpec(Window.CALENDAR_YEAR, 1)));
  }
}
