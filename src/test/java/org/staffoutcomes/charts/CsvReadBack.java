package org.staffoutcomes.charts;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.staffoutcomes.analysis.CorrelationRow;
import org.staffoutcomes.analysis.ForestRow;
import org.staffoutcomes.analysis.MergedYear;
import org.staffoutcomes.analysis.ScatterPoint;
import org.staffoutcomes.trends.TrendRow;

/** Parses chart CSVs back into records, so tests can compare them with what was drawn. */
final class CsvReadBack {

  private CsvReadBack() {}

  static List<String> header(Path csv) throws IOException {
    try (CSVParser p = parse(csv)) {
      return p.getHeaderNames();
    }
  }

  static List<TrendRow> trends(Path csv) throws IOException {
    List<TrendRow> rows = new ArrayList<>();
    try (CSVParser p = parse(csv)) {
      for (CSVRecord r : p) {
        rows.add(new TrendRow(r.get("measure"), r.get("group"), Integer.parseInt(r.get("year")),
            Long.parseLong(r.get("n")), d(r.get("mean")), d(r.get("median")), d(r.get("q1")),
            d(r.get("q3")), d(r.get("min")), d(r.get("max"))));
      }
    }
    return rows;
  }

  static List<CorrelationRow> correlations(Path csv) throws IOException {
    List<CorrelationRow> rows = new ArrayList<>();
    try (CSVParser p = parse(csv)) {
      for (CSVRecord r : p) {
        rows.add(new CorrelationRow(r.get("staff_measure"), r.get("outcome"),
            Integer.parseInt(r.get("lag")), r.get("scope"), r.get("year"), r.get("method"),
            d(r.get("r")), d(r.get("ci_low")), d(r.get("ci_high")), d(r.get("p")),
            Long.parseLong(r.get("n")), r.get("note")));
      }
    }
    return rows;
  }

  static List<ScatterPoint> scatter(Path csv) throws IOException {
    List<ScatterPoint> rows = new ArrayList<>();
    try (CSVParser p = parse(csv)) {
      for (CSVRecord r : p) {
        rows.add(new ScatterPoint(r.get(0), r.get(1), d(r.get(2)), d(r.get(3))));
      }
    }
    return rows;
  }

  /** A forest plot's CSV, without its two measure columns. */
  static List<ForestRow> forest(Path csv) throws IOException {
    List<ForestRow> rows = new ArrayList<>();
    try (CSVParser p = parse(csv)) {
      for (CSVRecord r : p) {
        rows.add(new ForestRow(r.get("label"), r.get("kind"), d(r.get("estimate")),
            d(r.get("ci_low")), d(r.get("ci_high")), Long.parseLong(r.get("n")),
            d(r.get("weight")), r.get("note")));
      }
    }
    return rows;
  }

  /** A merged-organisations CSV whose value columns are named after {@code measure}. */
  static List<MergedYear> merged(Path csv, String measure) throws IOException {
    List<MergedYear> rows = new ArrayList<>();
    try (CSVParser p = parse(csv)) {
      for (CSVRecord r : p) {
        rows.add(new MergedYear(r.get("org_code"), r.get("org_name"),
            Integer.parseInt(r.get("survey_year")), d(r.get(measure)), d(r.get(measure + "_n")),
            Boolean.parseBoolean(r.get("restated")), Integer.parseInt(r.get("merged_in")),
            r.get("succession")));
      }
    }
    return rows;
  }

  private static double d(String s) {
    return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  private static CSVParser parse(Path csv) throws IOException {
    Reader in = Files.newBufferedReader(csv);
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
  }
}
