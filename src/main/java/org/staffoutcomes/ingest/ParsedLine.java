package org.staffoutcomes.ingest;

/**
 * One data line of an input file after parsing: either typed values and its period, or the
 * reason it goes to quarantine. Nothing is dropped: every line read becomes one of these.
 *
 * @param sourceFile the file's path relative to the input folder
 * @param line 1-based physical line number where the record starts (the header is line 1)
 * @param raw the record's text as it stands in the file (of a rejected record, at most {@link #MAX_RAW_CHARS})
 * @param values typed values in descriptor column order (null where missing), or null if rejected
 * @param period the months the row covers, or null (reference data, or rejected)
 * @param reason why the line is quarantined, or null when it is kept
 */
public record ParsedLine(
    String sourceFile, long line, String raw, Object[] values, MonthInterval period, String reason) {

  /** The most characters of a quarantined record's raw text kept (4 KB of ASCII). */
  public static final int MAX_RAW_CHARS = 4096;

  /** A rejected line's raw text longer than {@link #MAX_RAW_CHARS} is cut there, its reason saying so. */
  public ParsedLine {
    if (reason != null && raw.length() > MAX_RAW_CHARS) {
      int cut = Character.isHighSurrogate(raw.charAt(MAX_RAW_CHARS - 1)) ? MAX_RAW_CHARS - 1 : MAX_RAW_CHARS;
      reason = reason + " (raw text cut to its first " + cut + " of " + raw.length() + " characters)";
      raw = raw.substring(0, cut);
    }
  }

  public boolean kept() {
    return reason == null;
  }
}
