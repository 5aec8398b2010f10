package org.staffoutcomes.panel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.staffoutcomes.schema.MeasureSpec;

/**
 * The panel's arithmetic within one organisation-year, without Spark or a lake: sums that do not
 * depend on the order rows arrive in, base-weighted means that keep a single value to the last
 * bit, ratios from summed counts, and the code map.
 */
class GroupArithmeticTest {

  private static MeasureSpec measure(String value, String base, String numerator, String denominator, Double scale) {
    return new MeasureSpec("m", null, null, value, base, numerator, denominator, scale, null, null, null, null, null,
        null, null);
  }

  @Test
  void aSumIsTheSameWhateverOrderTheValuesArriveIn() {
    List<Double> values = new ArrayList<>(List.of(0.3, 0.1, 0.2, 1e-17, 7.25));
    double ascending = 0.0;
    for (double v : values.stream().sorted().toList()) {
      ascending = ascending + v;
    }
    Random random = new Random(7);
    for (int i = 0; i < 20; i++) {
      Collections.shuffle(values, random);
      OrderFreeSum sum = new OrderFreeSum();
      values.forEach(sum::add);
      sum.add(null);
      assertEquals(ascending, sum.sum(), 0.0, "order " + values);
      assertEquals(ascending / 5, sum.mean(), 0.0);
    }
    // (0.3 + 0.2) + 0.1 and (0.1 + 0.2) + 0.3 differ in the last bit: the order is fixed, not luck.
    assertEquals(0.6000000000000001, sumOf(0.3, 0.2, 0.1), 0.0);
    assertNull(new OrderFreeSum().sum(), "no values: missing, not 0");
  }

  private static double sumOf(double... values) {
    OrderFreeSum s = new OrderFreeSum();
    for (double v : values) {
      s.add(v);
    }
    return s.sum();
  }

  @Test
  void aValueWithABaseIsTheBaseWeightedMeanAndASingleRowKeepsItsValueExactly() {
    MeasureGroup one = new MeasureGroup(measure("v", "n", null, null, null));
    one.add(new RowValues.Inputs(3.82666666666667, 1142.0, null, null));
    one.add(new RowValues.Inputs(5.0, null, null, null)); // no base: counts towards neither
    assertEquals(3.82666666666667, one.figures().value(), 0.0, "not 3.82666666666667 * 1142 / 1142");
    assertEquals(1142.0, one.figures().base(), 0.0);

    MeasureGroup two = new MeasureGroup(measure("v", "n", null, null, 10.0));
    two.add(new RowValues.Inputs(6.0, 100.0, null, null));
    two.add(new RowValues.Inputs(8.0, 300.0, null, null));
    assertEquals((6.0 * 100 + 8.0 * 300) / 400 * 10, two.figures().value(), 1e-12);
    assertEquals(400.0, two.figures().base(), 0.0);

    MeasureGroup noBase = new MeasureGroup(measure("v", "n", null, null, null));
    noBase.add(new RowValues.Inputs(6.0, 0.0, null, null));
    noBase.add(new RowValues.Inputs(7.0, null, null, null));
    assertEquals(6.5, noBase.figures().value(), 0.0, "no positive base: the plain mean");
  }

  @Test
  void aRatioIsTheSummedNumeratorOverTheSummedDenominatorAndNeedsAPositiveDenominator() {
    MeasureGroup rate = new MeasureGroup(measure(null, null, "num", "den", 100.0));
    rate.add(new RowValues.Inputs(null, null, 10.0, 100.0));
    rate.add(new RowValues.Inputs(null, null, 60.0, 300.0));
    MeasureGroup.Figures f = rate.figures();
    assertEquals(70.0 / 400.0 * 100, f.value(), 0.0, "not the mean of the rates (15%)");
    assertEquals(70.0, f.numerator(), 0.0);
    assertEquals(400.0, f.denominator(), 0.0);

    MeasureGroup none = new MeasureGroup(measure(null, null, "num", "den", 100.0));
    none.add(new RowValues.Inputs(null, null, 0.0, 0.0));
    assertNull(none.figures().value());
  }

  @Test
  void theCodeMapReplacesWholeCodesOnly() {
    var rule = new org.staffoutcomes.schema.CodeRule("(R[A-Z0-9]{2})[0-9]", "$1", "site to trust");
    var d = org.staffoutcomes.testing.StageFixture.catalog().datasets().get(0);
    var withRule = new org.staffoutcomes.schema.DatasetDescriptor(d.name(), d.role(), d.title(), d.description(), d.files(), d.csv(),
        d.organisation(), d.period(), d.align(), d.key(), d.columns(), d.filter(), d.measures(), List.of(rule),
        d.optional(), d.survey(), d.publishChecks(), d.origin());
    CodeMap codes = CodeMap.of(withRule);
    assertEquals("R1F", codes.apply("R1F1"));
    assertEquals("R1F", codes.apply("R1F"));
    assertEquals("AR1F1", codes.apply("AR1F1"), "the pattern must match the whole code");
    assertNull(codes.apply(null));
    assertEquals("R1F1", CodeMap.of(d).apply("R1F1"), "no rules: as published");
  }
}
