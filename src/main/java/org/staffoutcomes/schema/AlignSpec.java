package org.staffoutcomes.schema;

/**
 * How a dataset's periods map to survey years: survey year {@code Y} takes the rows whose period
 * lies wholly inside the {@code window} that starts in year {@code Y + offset}.
 */
public record AlignSpec(Window window, int offset) implements java.io.Serializable {

  public static AlignSpec calendarYear() {
    return new AlignSpec(Window.CALENDAR_YEAR, 0);
  }
}
