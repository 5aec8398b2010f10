package org.staffoutcomes.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads a bundle's CSV files the way a user's script would: by header name. */
public final class BundleFiles {

  private BundleFiles() {}

  public static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file)) {
      return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
    }
  }

  public static List<String> header(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file)) {
      return CSVFormat.RFC4180.builder().setHeader().build().parse(in).getHeaderNames();
    }
  }

  /** The one correlation row with these values in these columns. */
  public static CSVRecord correlation(List<CSVRecord> rows, Map<String, String> where) {
    Predicate<CSVRecord> match = r -> where.entrySet().stream().allMatch(e -> r.get(e.getKey()).equals(e.getValue()));
    List<CSVRecord> found = rows.stream().filter(match).toList();
    if (found.size() != 1) {
      throw new AssertionError("expected one correlation row for " + where + ", found " + found.size());
    }
    return found.get(0);
  }

  /** |expected - actual| <= 1e-9 * max(1, |expected|). */
  public static boolean close(double expected, double actual) {
    return Math.abs(expected - actual) <= 1e-9 * Math.max(1.0, Math.abs(expected));
  }
}
