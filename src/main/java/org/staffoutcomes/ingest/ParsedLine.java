package org.staffoutcomes.ingest;

/**
 * One data line of an input file after parsing: either typed values and its period, or the
 * reason it goes to quarantine. Nothing is dropped: every line read becomes one of these.
 *
 * @param sourceFile the file's path relative to the input folder
 * @param line 1-based physical line number where the record starts (the header is line 1)
 * @param raw the record's text as it stands in the file
 * @param values typed values in descriptor column order (null where missing), or null if rejected
 * @param period the months the row covers, or null (reference data, or rejected)
 * @param reason why the line is quarantined, or null when it is kept
 */
public record ParsedLine(
    String sourceFile, long line, String raw, Object[] values, MonthInterval period, String reason) {

  public boolean kept() {
    return reason == null;
  }
}
