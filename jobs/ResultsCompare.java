// ResultsCompare: do two runs hold the same results? Used by jobs/cluster-check (a cluster run
// against a local run of the same input) and jobs/kill-check; a Java single-file program on
// Spark's classpath:
//
//   java @jobs/java17-spark.jvmopts -cp '<spark jars>/*' jobs/ResultsCompare.java csv  DIR_A DIR_B
//   java @jobs/java17-spark.jvmopts -cp '<spark jars>/*' jobs/ResultsCompare.java lake LAKE_A LAKE_B
//
// With several B (jobs/kill-check: one reference, ten runs), A is compared with each in one JVM
// and each "compare:" line starts with its B.
//
// Numbers are equal when they are the same to a relative 1e-9 (TOLERANCE): a double computed as a
// sum over rows depends on the order of the additions, which depends on how the rows were
// partitioned (local[*] with 4 shuffle partitions vs executors with Spark's default), so the last
// one or two digits may differ; everything else (text, integers, dates, nulls) must be equal.
//
// csv:  the same *.csv files in both folders, each with the same lines and cells, compared cell
//       by cell. Prints how many are byte-identical.
// lake: a table is a folder with a _SUCCESS file; both lakes must have the same tables, each with
//       the same columns and types and the same rows in any order and any number of files. A
//       table whose rows hash the same (exactly) is equal; otherwise both are collected, sorted by
//       their non-floating columns and then their floats to 6 digits, and compared row by row.
// Last line "compare: ..." says what was found; exit code 0 when equal, 1 otherwise.

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

public final class ResultsCompare {

  static final double TOLERANCE = 1e-9;
  static double largest = 0; // largest relative difference seen between two numbers

  public static void main(String[] args) throws IOException {
    if (args.length < 3 || !(args[0].equals("csv") || args[0].equals("lake"))) {
      System.err.println("usage: ResultsCompare csv|lake A B [B2 ...]");
      System.exit(2);
    }
    Path a = Path.of(args[1]).toAbsolutePath();
    int different = 0;
    for (int i = 2; i < args.length; i++) {
      Path b = Path.of(args[i]).toAbsolutePath();
      String label = args.length > 3 ? b + ": " : ""; // several B: each "compare:" line names its B
      largest = 0;
      List<String> problems = new ArrayList<>();
      String summary = args[0].equals("csv") ? csv(a, b, problems) : lake(a, b, problems);
      if (!problems.isEmpty()) {
        problems.stream().limit(20).forEach(p -> System.out.println("difference: " + label + p));
        System.out.println("compare: " + label + problems.size() + " differences, e.g. "
            + problems.get(0).replace('\n', ' '));
        different++;
      } else {
        System.out.println("compare: " + label + summary);
      }
    }
    System.exit(different == 0 ? 0 : 1);
  }

  // ---- csv ----

  static String csv(Path a, Path b, List<String> problems) throws IOException {
    TreeSet<String> fa = files(a, ".csv");
    TreeSet<String> fb = files(b, ".csv");
    if (fa.isEmpty() || !fa.equals(fb)) {
      problems.add("different CSV files: " + fa + " vs " + fb);
      return "";
    }
    int identical = 0;
    for (String f : fa) {
      byte[] x = Files.readAllBytes(a.resolve(f));
      byte[] y = Files.readAllBytes(b.resolve(f));
      if (Arrays.equals(x, y)) {
        identical++;
        continue;
      }
      List<String> lx = new String(x, StandardCharsets.UTF_8).lines().toList();
      List<String> ly = new String(y, StandardCharsets.UTF_8).lines().toList();
      if (lx.size() != ly.size()) {
        problems.add(f + ": " + lx.size() + " vs " + ly.size() + " lines");
        continue;
      }
      for (int i = 0; i < lx.size(); i++) {
        List<String> cx = cells(lx.get(i));
        List<String> cy = cells(ly.get(i));
        String d = cx.size() != cy.size() ? "cell count" : null;
        for (int c = 0; d == null && c < cx.size(); c++) {
          if (!sameText(cx.get(c), cy.get(c))) {
            d = "cell " + (c + 1) + " '" + cx.get(c) + "' vs '" + cy.get(c) + "'";
          }
        }
        if (d != null) {
          problems.add(f + " line " + (i + 1) + ": " + d);
          break;
        }
      }
    }
    return fa.size() + " CSVs equal, " + identical + " byte-identical, the others within " + TOLERANCE
        + " (largest relative difference " + String.format("%.1e", largest) + ")";
  }

  static TreeSet<String> files(Path dir, String suffix) throws IOException {
    TreeSet<String> found = new TreeSet<>();
    try (Stream<Path> s = Files.list(dir)) {
      s.filter(p -> p.getFileName().toString().endsWith(suffix)).forEach(p -> found.add(p.getFileName().toString()));
    }
    return found;
  }

  /** The cells of one CSV line (RFC 4180 quotes; no line breaks inside cells in our CSVs). */
  static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    out.add(cell.toString());
    return out;
  }

  /** Equal text, or two decimal numbers (with a fraction or exponent) equal within the tolerance. */
  static boolean sameText(String x, String y) {
    if (x.equals(y)) {
      return true;
    }
    if (!(x.contains(".") || x.contains("E")) || !(y.contains(".") || y.contains("E"))) {
      return false;
    }
    try {
      return close(Double.parseDouble(x), Double.parseDouble(y));
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static boolean close(double x, double y) {
    if (Double.compare(x, y) == 0) {
      return true;
    }
    double scale = Math.max(Math.abs(x), Math.abs(y));
    double rel = Math.abs(x - y) / scale;
    if (Double.isNaN(rel)) {
      return false;
    }
    largest = Math.max(largest, rel);
    return rel <= TOLERANCE;
  }

  // ---- lake ----

  static String lake(Path a, Path b, List<String> problems) throws IOException {
    TreeSet<String> ta = tables(a);
    TreeSet<String> tb = tables(b);
    if (ta.isEmpty() || !ta.equals(tb)) {
      problems.add("different tables: " + ta + " vs " + tb);
      return "";
    }
    SparkSession spark = SparkSession.builder().appName("results-compare").master("local[2]")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "UTC").getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    int exact = 0;
    try {
      for (String t : ta) {
        Dataset<Row> x = spark.read().parquet(a.resolve(t).toString());
        Dataset<Row> y = spark.read().parquet(b.resolve(t).toString());
        String how;
        if (!x.schema().equals(y.schema())) {
          how = "DIFFERENT columns: " + x.schema().simpleString() + " vs " + y.schema().simpleString();
        } else if (fingerprint(x).equals(fingerprint(y))) {
          how = "same rows (exactly)";
          exact++;
        } else {
          String d = rowsWithin(x, y);
          how = d == null ? "same rows (numbers within " + TOLERANCE + ")" : "DIFFERENT: " + d;
        }
        System.out.printf("lake %-36s %s%n", t, how);
        if (how.startsWith("DIFFERENT")) {
          problems.add(t + ": " + how);
        }
      }
    } finally {
      spark.stop();
    }
    return ta.size() + " lake tables equal, " + exact + " exactly, the others within " + TOLERANCE
        + " (largest relative difference " + String.format("%.1e", largest) + ")";
  }

  static TreeSet<String> tables(Path lake) throws IOException {
    TreeSet<String> found = new TreeSet<>();
    if (Files.isDirectory(lake)) {
      try (Stream<Path> s = Files.walk(lake)) {
        s.filter(f -> f.getFileName().toString().equals("_SUCCESS"))
            .forEach(f -> found.add(lake.relativize(f.getParent()).toString()));
      }
    }
    return found;
  }

  /** Row count and the sum of every row's 64-bit hash (order-free, exact). */
  static Row fingerprint(Dataset<Row> d) {
    Column[] all = Arrays.stream(d.columns()).map(functions::col).toArray(Column[]::new);
    return d.agg(functions.count(functions.lit(1)),
        functions.sum(functions.xxhash64(all).cast("decimal(38,0)"))).first();
  }

  static boolean floating(DataType t) {
    return t.equals(DataTypes.DoubleType) || t.equals(DataTypes.FloatType);
  }

  /** Null when both hold the same rows with numbers within the tolerance, else the first difference. */
  static String rowsWithin(Dataset<Row> x, Dataset<Row> y) {
    List<Row> rx = new ArrayList<>(x.collectAsList());
    List<Row> ry = new ArrayList<>(y.collectAsList());
    if (rx.size() != ry.size()) {
      return rx.size() + " vs " + ry.size() + " rows";
    }
    var fields = x.schema().fields();
    Comparator<Row> order = Comparator.comparing(r -> sortKey(r, fields));
    rx.sort(order);
    ry.sort(order);
    for (int i = 0; i < rx.size(); i++) {
      for (int c = 0; c < fields.length; c++) {
        Object u = rx.get(i).get(c);
        Object v = ry.get(i).get(c);
        boolean same = u == null || v == null ? u == v
            : floating(fields[c].dataType()) ? close(((Number) u).doubleValue(), ((Number) v).doubleValue())
            : u.equals(v);
        if (!same) {
          return "column " + fields[c].name() + ": " + u + " vs " + v + " in\n    " + rx.get(i) + "\n    " + ry.get(i);
        }
      }
    }
    return null;
  }

  static String sortKey(Row r, org.apache.spark.sql.types.StructField[] fields) {
    StringBuilder exact = new StringBuilder();
    StringBuilder rounded = new StringBuilder();
    for (int c = 0; c < fields.length; c++) {
      Object v = r.get(c);
      if (floating(fields[c].dataType())) {
        rounded.append(v == null ? "null" : String.format("%.5e", ((Number) v).doubleValue())).append('\u0001');
      } else {
        exact.append(v).append('\u0001');
      }
    }
    return exact + "\u0002" + rounded;
  }
}
