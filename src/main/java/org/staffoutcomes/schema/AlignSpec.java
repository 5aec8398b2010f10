package org.staffoutcomes.schema;

/**
 * How a dataset's periods map to survey years.
 *
 * <ul>
 *   <li>rule {@code window} (the default): survey year {@code Y} takes the rows whose period lies
 *       wholly inside the {@code window} that starts in year {@code Y + offset};
 *   <li>rule {@code latest_on}: survey year {@code Y} takes, per organisation, the one row with the
 *       latest period starting in or before month {@code referenceMonth} of year
 *       {@code Y + offset}: the value in force on that date (e.g. a CQC rating).
 * </ul>
 */
public record AlignSpec(Window window, int offset, AlignRule rule, Integer referenceMonth)
    implements java.io.Serializable {

  public AlignSpec {
    rule = rule == null ? AlignRule.WINDOW : rule;
  }

  /** A window rule. */
  public AlignSpec(Window window, int offset) {
    this(window, offset, AlignRule.WINDOW, null);
  }

  public static AlignSpec calendarYear() {
    return new AlignSpec(Window.CALENDAR_YEAR, 0, AlignRule.WINDOW, null);
  }

  /** How rows become one survey year's value. */
  public enum AlignRule {
    WINDOW,
    LATEST_ON
  }
}
