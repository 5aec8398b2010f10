package org.staffoutcomes.charts;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.staffoutcomes.analysis.CorrelationRow;
import org.staffoutcomes.analysis.ForestRow;
import org.staffoutcomes.analysis.MergedYear;
import org.staffoutcomes.analysis.ScatterPoint;
import org.staffoutcomes.analysis.ShareRow;
import org.staffoutcomes.analysis.UnknownOrganisation;
import org.staffoutcomes.lake.TableLayout;
import org.staffoutcomes.trends.TrendRow;

/**
 * Writes the records charts are drawn from as CSV (UTF-8, header line, {@code \n} line ends).
 * Doubles are written at full precision with {@link Double#toString(double)}; NaN is written as an
 * empty field so spreadsheets and R read it as missing.
 *
 * <p>Every CSV the bundle holds is written through {@link #open}, which makes each cell safe to
 * open in a spreadsheet ({@link #spreadsheetSafe}).
 */
public final class ChartCsv {

  /** Columns of {@code correlations.csv}, in order. */
  public static final List<String> CORRELATION_COLUMNS = List.of(
      "staff_measure", "outcome", "lag", "scope", "year", "method",
      "r", "ci_low", "ci_high", "p", "p_adjusted", "n", "note");

  /** Columns of {@code trends.csv}, in order. */
  public static final List<String> TREND_COLUMNS = List.of(
      "measure", "group", "year", "n", "mean", "median", "q1", "q3", "min", "max");

  /** Columns of a share-by-quintile CSV ({@link ShareRow}), in order. */
  public static final List<String> SHARE_COLUMNS = List.of(
      "staff_measure", "outcome", "share_label", "year", "quintile", "quintile_low",
      "quintile_high", "n", "successes", "share", "ci_low", "ci_high");

  /** Columns of a forest plot's CSV ({@link ForestRow}, with the two measures first), in order. */
  public static final List<String> FOREST_COLUMNS = List.of(
      "staff_measure", "outcome", "label", "kind", "estimate", "ci_low", "ci_high", "n", "weight",
      "note");

  /**
   * First characters that make a spreadsheet read a cell as a formula (OWASP's CSV injection list:
   * {@code = + - @}, tab and carriage return, and their full-width forms).
   */
  private static final String FORMULA_START = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

  /** A number as this class writes it ({@code -0.25}, {@code 1.0E-8}, {@code -Infinity}). */
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?Infinity");

  private ChartCsv() {}

  /**
   * A text cell as OWASP recommends against CSV injection: one that begins with {@code =}, {@code
   * +}, {@code -}, {@code @}, a tab or a carriage return and is not a number gets a leading
   * {@code '} (a trust named {@code =HYPERLINK(..)} is written {@code '=HYPERLINK(..)}); any other
   * cell, and a number such as {@code -0.25}, is written as it is.
   */
  public static String spreadsheetSafe(String cell) {
    if (cell == null || cell.isEmpty() || FORMULA_START.indexOf(cell.charAt(0)) < 0
        || NUMBER.matcher(cell).matches()) {
      return cell;
    }
    return "'" + cell;
  }

  /** A CSV being written: every text cell goes through {@link #spreadsheetSafe}. */
  public static final class Writer implements Closeable {
    private final CSVPrinter printer;

    private Writer(CSVPrinter printer) {
      this.printer = printer;
    }

    /** One line; numbers and booleans as they print, null as an empty cell. */
    public void printRecord(Object... cells) throws IOException {
      Object[] safe = new Object[cells.length];
      for (int i = 0; i < cells.length; i++) {
        safe[i] = cells[i] instanceof CharSequence text ? spreadsheetSafe(text.toString()) : cells[i];
      }
      printer.printRecord(safe);
    }

    @Override
    public void close() throws IOException {
      printer.close();
    }
  }

  /** One line per row, in the order given. */
  public static void writeCorrelations(List<CorrelationRow> rows, Path csv) throws IOException {
    try (Writer out = open(csv, CORRELATION_COLUMNS)) {
      for (CorrelationRow r : rows) {
        out.printRecord(r.staffMeasure(), r.outcome(), r.lag(), r.scope(), r.year(), r.method(),
            num(r.r()), num(r.ciLow()), num(r.ciHigh()), num(r.p()), num(r.pAdjusted()), r.n(),
            r.note() == null ? "" : r.note());
      }
    }
  }

  /** One line per row, in the order given. */
  public static void writeTrends(List<TrendRow> rows, Path csv) throws IOException {
    try (Writer out = open(csv, TREND_COLUMNS)) {
      for (TrendRow r : rows) {
        out.printRecord(r.measure(), r.group(), r.year(), r.n(), num(r.mean()), num(r.median()),
            num(r.q1()), num(r.q3()), num(r.min()), num(r.max()));
      }
    }
  }

  /** Columns of {@code unknown_organisations.csv}, in order. */
  public static final List<String> UNKNOWN_ORGANISATION_COLUMNS = List.of(
      "org_code", "datasets", "survey_years", "organisation_years");

  /**
   * One line per organisation code no reference knows, in the order given: its datasets and
   * survey years each joined by {@code ;}, and how many organisation-years were left out.
   */
  public static void writeUnknownOrganisations(List<UnknownOrganisation> rows, Path csv) throws IOException {
    try (Writer out = open(csv, UNKNOWN_ORGANISATION_COLUMNS)) {
      for (UnknownOrganisation u : rows) {
        out.printRecord(u.orgCode(), String.join(";", u.datasets()),
            String.join(";", u.surveyYears().stream().map(String::valueOf).toList()), u.surveyYears().size());
      }
    }
  }

  /** One line per row, in the order given; shares and bounds as fractions in [0, 1]. */
  public static void writeShares(List<ShareRow> rows, Path csv) throws IOException {
    try (Writer out = open(csv, SHARE_COLUMNS)) {
      for (ShareRow r : rows) {
        out.printRecord(r.staffMeasure(), r.outcome(), r.shareLabel(), r.year(), r.quintile(),
            num(r.quintileLow()), num(r.quintileHigh()), r.n(), r.successes(), num(r.share()),
            num(r.ciLow()), num(r.ciHigh()));
      }
    }
  }

  /** One line per row, in the order given, each with the two measures' names. */
  public static void writeForest(List<ForestRow> rows, String staffMeasure, String outcome,
      Path csv) throws IOException {
    try (Writer out = open(csv, FOREST_COLUMNS)) {
      for (ForestRow r : rows) {
        out.printRecord(staffMeasure, outcome, r.label(), r.kind(), num(r.estimate()),
            num(r.ciLow()), num(r.ciHigh()), r.n(), num(r.weight()), r.note());
      }
    }
  }

  /**
   * Columns {@code org_code,trust_type,<xColumn>,<yColumn>}, one line per point in the order
   * given; the value columns are named after the measures (e.g. {@code engagement,shmi}).
   */
  public static void writeScatter(List<ScatterPoint> points, String xColumn, String yColumn,
      Path csv) throws IOException {
    try (Writer out = open(csv, List.of("org_code", "trust_type", xColumn, yColumn))) {
      for (ScatterPoint p : points) {
        out.printRecord(p.orgCode(), p.trustType() == null ? "" : p.trustType(),
            num(p.x()), num(p.y()));
      }
    }
  }

  /**
   * Columns {@code org_code,org_name,survey_year,<measure>,<measure>_n,restated,merged_in,
   * succession}, one line per row in the order given.
   */
  public static void writeMerged(List<MergedYear> rows, String measure, Path csv)
      throws IOException {
    try (Writer out = open(csv, List.of("org_code", "org_name", "survey_year", measure,
        measure + "_n", "restated", "merged_in", "succession"))) {
      for (MergedYear r : rows) {
        out.printRecord(r.orgCode(), r.orgName(), r.year(), num(r.value()), num(r.n()),
            r.restated(), r.mergedIn(), r.succession());
      }
    }
  }

  /**
   * A result table as the analysis wrote it ({@code data/models.csv}, {@code pooled.csv}, ...):
   * the layout's columns, each row's values in order; a NaN is an empty cell.
   */
  public static void writeTable(TableLayout layout, List<Object[]> rows, Path csv) throws IOException {
    try (Writer out = open(csv, layout.names())) {
      for (Object[] row : rows) {
        Object[] cells = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
          cells[i] = row[i] instanceof Double d ? num(d) : row[i];
        }
        out.printRecord(cells);
      }
    }
  }

  /** Full precision, NaN as empty. */
  static String num(double v) {
    return Double.isNaN(v) ? "" : Double.toString(v);
  }

  /** A new CSV file (its folder made if needed) with {@code header} as its first line. */
  public static Writer open(Path csv, List<String> header) throws IOException {
    ChartStyle.createParent(csv);
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setHeader(header.stream().map(ChartCsv::spreadsheetSafe).toArray(String[]::new))
        .setRecordSeparator('\n')
        .get();
    return new Writer(new CSVPrinter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8), format));
  }
}
