package org.staffoutcomes.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.CatalogLoader;
import org.staffoutcomes.schema.ColumnSpec;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.schema.QuestionCatalogue;
import org.staffoutcomes.schema.QuestionCatalogue.Item;
import org.staffoutcomes.schema.QuestionCatalogue.Score;
import org.staffoutcomes.schema.QuestionCatalogue.SurveyYear;
import org.staffoutcomes.schema.SurveyColumns;
import org.staffoutcomes.schema.SurveySpec;

/**
 * The DuckDB side of {@code jobs/bench-microdata} (a main, not a test; DuckDB is a test-scope
 * dependency, so it never reaches the product's runtime classpath).
 *
 * <ul>
 *   <li>{@code duckdb CATALOG_DIR INPUT_DIR OUT_DIR}: respondent microdata CSVs -> Parquet partitioned
 *       by year (items recoded to favourable positions through each year's mapping, the declared
 *       columns checked as the descriptor says) -> one score row per organisation and year,
 *       computed as {@code stats/SurveyScoring} does, in {@code OUT_DIR/scores.parquet}. All SQL is
 *       generated from the catalog's descriptor and its question catalogue, nothing per year by hand.
 *   <li>{@code compare CATALOG_DIR SPARK_SCORES_DIR DUCKDB_SCORES_FILE}: joins the two score tables on
 *       organisation and year and fails (exit 1) unless every score and item column agrees within
 *       1e-9 and every base and respondent count is identical, with the same rows on both sides.
 * </ul>
 */
public final class MicrodataBenchmark {

  static final double TOLERANCE = 1e-9;

  private MicrodataBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 4 && args[0].equals("duckdb")) {
      duckdb(microdata(Path.of(args[1])), Path.of(args[2]), Path.of(args[3]));
    } else if (args.length == 4 && args[0].equals("compare")) {
      System.exit(compare(microdata(Path.of(args[1])), Path.of(args[2]), Path.of(args[3])) ? 0 : 1);
    } else if (args.length == 2 && args[0].equals("sql")) {
      DatasetDescriptor d = microdata(Path.of(args[1]));
      System.out.println(scoreSql(d, "raw", List.copyOf(d.survey().catalogue().years().keySet())));
    } else {
      System.err.println("usage: MicrodataBenchmark duckdb CATALOG_DIR INPUT_DIR OUT_DIR\n"
          + "       MicrodataBenchmark compare CATALOG_DIR SPARK_SCORES_DIR DUCKDB_SCORES_FILE\n"
          + "       MicrodataBenchmark sql CATALOG_DIR");
      System.exit(2);
    }
  }

  /** The catalog's one respondent-microdata dataset, loaded by the product's own loader. */
  static DatasetDescriptor microdata(Path catalogDir) {
    Catalog c = CatalogLoader.load(catalogDir);
    List<DatasetDescriptor> m = c.datasets().stream()
        .filter(d -> d.survey() != null && d.survey().shape() == SurveySpec.Shape.MICRODATA).toList();
    if (m.size() != 1) {
      throw new IllegalArgumentException(catalogDir + ": expected one microdata dataset, found " + m.size());
    }
    return m.get(0);
  }

  // ---------------------------------------------------------------- DuckDB: ingest and score

  static void duckdb(DatasetDescriptor d, Path input, Path out) throws IOException, SQLException {
    Map<Integer, Path> files = inputFiles(d, input);
    Files.createDirectories(out);
    Path raw = out.resolve("raw");
    Path scores = out.resolve("scores.parquet");
    try (Connection con = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = con.createStatement()) {
      long t0 = System.nanoTime();
      st.execute("COPY (" + ingestSql(d, files) + ") TO " + str(raw.toString())
          + " (FORMAT parquet, PARTITION_BY (year), OVERWRITE_OR_IGNORE)");
      String lake = "read_parquet(" + str(raw + "/*/*.parquet") + ", hive_partitioning = true)";
      // The key must be unique within a period (the product quarantines repeats).
      try (ResultSet rs = st.executeQuery("SELECT year, count(*) - count(DISTINCT (" + String.join(", ", quoted(d.key()))
          + ")) AS repeats FROM " + lake + " GROUP BY year HAVING repeats > 0")) {
        if (rs.next()) {
          throw new IllegalStateException("repeated key " + d.key() + " in " + rs.getInt(1) + ": " + rs.getLong(2) + " rows");
        }
      }
      long t1 = System.nanoTime();
      st.execute("CREATE VIEW raw AS SELECT * REPLACE (CAST(year AS INTEGER) AS year) FROM " + lake);
      st.execute("COPY (" + scoreSql(d, "raw", List.copyOf(files.keySet())) + ") TO " + str(scores.toString())
          + " (FORMAT parquet)");
      long t2 = System.nanoTime();
      try (ResultSet rs = st.executeQuery("SELECT sum(respondents), count(*) FROM read_parquet("
          + str(scores.toString()) + ")")) {
        rs.next();
        System.out.printf("duckdb rows %d organisation_years %d ingest_s %.1f score_s %.1f%n", rs.getLong(1),
            rs.getLong(2), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
      }
    }
  }

  /** The dataset's files in {@code input} by survey year (the descriptor's file pattern and year group). */
  static Map<Integer, Path> inputFiles(DatasetDescriptor d, Path input) throws IOException {
    Map<Integer, Path> out = new TreeMap<>();
    try (Stream<Path> all = Files.walk(input)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        String rel = input.relativize(p).toString().replace('\\', '/');
        Matcher m = d.filePattern().matcher(rel);
        if (m.matches()) {
          int year = Integer.parseInt(m.group(d.period().fileGroup()));
          if (out.put(year, p) != null) {
            throw new IllegalArgumentException("two files for " + year + " in " + input);
          }
        }
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no file matching " + d.files() + " under " + input);
    }
    return out;
  }

  /**
   * CSV -> lake rows: one SELECT per file, UNION ALL. Declared columns are checked (required,
   * pattern, allowed values); each item's code becomes its favourable position through the year's
   * mapping; not-answered and don't-know codes become NULL; any other code is an error (the product
   * quarantines such a row; a benchmark input has none, so stopping is the honest answer).
   */
  static String ingestSql(DatasetDescriptor d, Map<Integer, Path> files) {
    SurveySpec s = d.survey();
    List<Item> items = s.heldItems();
    int declared = d.columns().size() - items.size();
    List<String> selects = new ArrayList<>();
    for (Map.Entry<Integer, Path> f : files.entrySet()) {
      int year = f.getKey();
      SurveyYear y = s.catalogue().year(year).orElseThrow(
          () -> new IllegalArgumentException(f.getValue() + ": no question mapping for " + year));
      List<String> cols = new ArrayList<>();
      for (ColumnSpec c : d.columns().subList(0, declared)) {
        cols.add(checked(c, f.getValue()) + " AS " + q(c.name()));
      }
      cols.add(year + " AS year");
      for (Item item : items) {
        var code = y.item(item.id());
        if (code.isEmpty()) {
          cols.add("CAST(NULL AS TINYINT) AS " + q(item.column()));
          continue;
        }
        String src = "coalesce(" + q(code.get().code()) + ", '')";
        StringBuilder e = new StringBuilder("CASE " + src);
        List<String> unscored = new ArrayList<>(y.unscoredCodes(item.id()));
        unscored.add("");
        for (String u : unscored.stream().distinct().toList()) {
          e.append(" WHEN ").append(str(u)).append(" THEN NULL");
        }
        List<String> fav = y.favourableCodes(item.id());
        for (int p = 1; p <= fav.size(); p++) {
          e.append(" WHEN ").append(str(fav.get(p - 1))).append(" THEN ").append(p);
        }
        e.append(" ELSE error(").append(str(f.getValue().getFileName() + ": " + code.get().code()
            + " is not an answer code of " + item.id() + " in " + year + ": ")).append(" || ").append(src)
            .append(") END");
        cols.add("CAST(" + e + " AS TINYINT) AS " + q(item.column()));
      }
      selects.add("SELECT " + String.join(",\n  ", cols) + "\nFROM read_csv(" + str(f.getValue().toString())
          + ", header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')");
    }
    return String.join("\nUNION ALL BY NAME\n", selects);
  }

  /** A declared column with the descriptor's checks (only what microdata descriptors use: strings). */
  private static String checked(ColumnSpec c, Path file) {
    String src = q(c.source() == null ? c.name() : c.source());
    List<String> fails = new ArrayList<>();
    if (c.required()) {
      fails.add("WHEN " + src + " IS NULL THEN error(" + str(file.getFileName() + ": " + c.name() + " is required") + ")");
    }
    if (c.pattern() != null) {
      fails.add("WHEN NOT regexp_full_match(" + src + ", " + str(c.pattern()) + ") THEN error("
          + str(file.getFileName() + ": " + c.name() + " does not match " + c.pattern() + ": ") + " || " + src + ")");
    }
    if (!c.allowed().isEmpty()) {
      fails.add("WHEN " + src + " NOT IN (" + c.allowed().stream().map(MicrodataBenchmark::str)
          .collect(Collectors.joining(", ")) + ") THEN error(" + str(file.getFileName() + ": " + c.name()
          + " not allowed: ") + " || " + src + ")");
    }
    return fails.isEmpty() ? src : "CASE " + String.join(" ", fails) + " ELSE " + src + " END";
  }

  /**
   * Lake rows -> one row per organisation and year, columns as the product's score table
   * ({@link SurveyColumns#scoreColumns}). Same arithmetic as {@code stats/SurveyScoring}: position p
   * of k scores lo + (p - 1)(hi - lo)/(k - 1) on the year's range; a score over items is the mean
   * of the items answered, over parts the mean of the parts (all present); weights
   * w_g = (N_g / N) / (n_g / n) per organisation-year from all its respondents; organisation
   * score sum(w x) / sum(w) over respondents who have it, base = their number; a percent score
   * (e.g. the Freedom to Speak Up index) the mean of its items' percentages positive, null unless
   * every item has answers, base the smallest item base.
   */
  static String scoreSql(DatasetDescriptor d, String rawTable, List<Integer> years) {
    SurveySpec s = d.survey();
    QuestionCatalogue qc = s.catalogue();
    List<Item> items = s.heldItems();
    List<Score> scores = s.heldScores();
    String org = q(d.organisation());
    String group = q(s.occupationGroup());
    List<String> ranges = new ArrayList<>();
    for (int y : years) {
      List<Double> r = qc.year(y).orElseThrow().scoreRange();
      ranges.add("(" + y + ", " + dbl(r.get(0)) + ", " + dbl(r.get(1)) + ")");
    }
    StringBuilder sql = new StringBuilder();
    sql.append("WITH ranges(year, lo, hi) AS (VALUES ").append(String.join(", ", ranges)).append("),\n");
    sql.append("nat AS (SELECT year, ").append(group).append(", CAST(count(*) AS DOUBLE) / CAST(sum(count(*)) OVER (PARTITION BY year) AS DOUBLE) AS share FROM ")
        .append(rawTable).append(" GROUP BY year, ").append(group).append("),\n");
    sql.append("mix AS (SELECT ").append(org).append(", year, ").append(group)
        .append(", count(*) AS n_g, sum(count(*)) OVER (PARTITION BY ").append(org).append(", year) AS n FROM ")
        .append(rawTable).append(" GROUP BY ").append(org).append(", year, ").append(group).append("),\n");
    sql.append(s.weighted()
        ? "wt AS (SELECT mix.*, nat.share / (CAST(n_g AS DOUBLE) / CAST(n AS DOUBLE)) AS w FROM mix JOIN nat USING (year, " + group + ")),\n"
        : "wt AS (SELECT mix.*, 1.0::DOUBLE AS w FROM mix),\n");
    // One row per respondent: weight, item values, respondent scores (later aliases use earlier ones).
    List<String> resp = new ArrayList<>();
    resp.add("r." + org);
    resp.add("r.year");
    resp.add("wt.w");
    for (Item item : items) {
      String p = "r." + q(item.column());
      resp.add(p + " AS " + q("p_" + item.column()));
      resp.add("ranges.lo + (" + p + " - 1) * (ranges.hi - ranges.lo) / " + (item.options() - 1) + " AS "
          + q("v_" + item.column()));
    }
    for (Score sc : order(scores)) {
      if (sc.percent()) {
        continue; // formed from the items' percentages per organisation, below
      }
      String expr;
      if (!sc.items().isEmpty()) {
        List<String> sum = new ArrayList<>();
        List<String> n = new ArrayList<>();
        for (String id : sc.items()) {
          String v = q("v_" + QuestionCatalogue.column(id));
          sum.add("coalesce(" + v + ", 0.0::DOUBLE)");
          n.add("CAST(" + v + " IS NOT NULL AS INTEGER)");
        }
        expr = "(0.0::DOUBLE + " + String.join(" + ", sum) + ") / nullif(" + String.join(" + ", n) + ", 0)";
      } else {
        expr = "(0.0::DOUBLE + " + sc.parts().stream().map(p -> q("s_" + QuestionCatalogue.column(p)))
            .collect(Collectors.joining(" + ")) + ") / " + sc.parts().size();
      }
      resp.add(expr + " AS " + q("s_" + sc.column()));
    }
    sql.append("resp AS (SELECT ").append(String.join(",\n  ", resp)).append("\nFROM ").append(rawTable)
        .append(" r JOIN wt USING (").append(org).append(", year, ").append(group)
        .append(") JOIN ranges ON ranges.year = r.year)\n");
    // One row per organisation-year.
    boolean weighted = s.weighted();
    List<String> agg = new ArrayList<>();
    agg.add(org);
    agg.add("make_date(year, 1, 1) AS period_start");
    agg.add("make_date(year, 12, 31) AS period_end");
    agg.add("year");
    agg.add("count(*) AS " + SurveyColumns.RESPONDENTS);
    for (Score sc : scores) {
      if (sc.percent()) {
        addPercent(agg, sc, items, weighted);
        continue;
      }
      String x = q("s_" + sc.column());
      addMeans(agg, sc.column(), x, weighted);
      agg.add("count(" + x + ") AS " + q(sc.column() + SurveyColumns.BASE));
    }
    for (Item item : items) {
      String x = q("v_" + item.column());
      String p = q("p_" + item.column());
      addMeans(agg, item.column(), x, weighted);
      String hit = positiveHit(item);
      agg.add("100.0::DOUBLE * sum(w * (" + hit + ")) / sum(CASE WHEN " + p + " IS NOT NULL THEN w END) AS "
          + q(item.column() + SurveyColumns.POSITIVE));
      if (weighted) {
        agg.add("100.0::DOUBLE * sum(" + hit + ") / nullif(count(" + p + "), 0) AS "
            + q(item.column() + SurveyColumns.POSITIVE + SurveyColumns.UNWEIGHTED));
      }
      agg.add("count(" + p + ") AS " + q(item.column() + SurveyColumns.BASE));
    }
    sql.append("SELECT ").append(String.join(",\n  ", agg)).append("\nFROM resp GROUP BY ").append(org)
        .append(", year ORDER BY year, ").append(org);
    return sql.toString();
  }

  /**
   * A percent score: the mean of its items' percentages positive (weighted, and unweighted when the
   * survey is weighted), null when any item has no answers; its base the smallest item base, 0
   * when the score is null.
   */
  private static void addPercent(List<String> agg, Score sc, List<Item> items, boolean weighted) {
    List<String> weightedPct = new ArrayList<>();
    List<String> unweightedPct = new ArrayList<>();
    List<String> bases = new ArrayList<>();
    for (String id : sc.items()) {
      String p = q("p_" + QuestionCatalogue.column(id));
      String hit = positiveHit(items.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow(
          () -> new IllegalArgumentException("percent score " + sc.id() + " names item " + id + ", not held")));
      weightedPct.add("(100.0::DOUBLE * sum(w * (" + hit + ")) / sum(CASE WHEN " + p + " IS NOT NULL THEN w END))");
      unweightedPct.add("(100.0::DOUBLE * sum(" + hit + ") / nullif(count(" + p + "), 0))");
      bases.add("count(" + p + ")");
    }
    String k = Integer.toString(sc.items().size());
    String score = "(" + String.join(" + ", weightedPct) + ") / " + k;
    agg.add(score + " AS " + q(sc.column()));
    if (weighted) {
      agg.add("(" + String.join(" + ", unweightedPct) + ") / " + k + " AS " + q(sc.column() + SurveyColumns.UNWEIGHTED));
    }
    String base = bases.size() == 1 ? bases.get(0) : "least(" + String.join(", ", bases) + ")";
    agg.add("CASE WHEN " + score + " IS NULL THEN 0 ELSE " + base + " END AS " + q(sc.column() + SurveyColumns.BASE));
  }

  /** 1.0 when the item's favourable position is one of its positive ones, 0.0 for another answer, null for none. */
  private static String positiveHit(Item item) {
    String p = q("p_" + item.column());
    String positive = item.positivePositions().stream().map(String::valueOf).collect(Collectors.joining(", "));
    return "CASE WHEN " + p + " IN (" + positive + ") THEN 1.0::DOUBLE WHEN " + p + " IS NOT NULL THEN 0.0::DOUBLE END";
  }

  private static void addMeans(List<String> agg, String column, String x, boolean weighted) {
    agg.add("sum(w * " + x + ") / sum(CASE WHEN " + x + " IS NOT NULL THEN w END) AS " + q(column));
    if (weighted) {
      agg.add("avg(" + x + ") AS " + q(column + SurveyColumns.UNWEIGHTED));
    }
  }

  /** Scores with their parts first. */
  static List<Score> order(List<Score> scores) {
    List<Score> out = new ArrayList<>();
    java.util.Set<String> done = new java.util.HashSet<>();
    while (out.size() < scores.size()) {
      int before = out.size();
      for (Score sc : scores) {
        if (!done.contains(sc.id()) && done.containsAll(sc.parts())) {
          out.add(sc);
          done.add(sc.id());
        }
      }
      if (out.size() == before) {
        throw new IllegalArgumentException("the scores' parts form a cycle");
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- compare

  static boolean compare(DatasetDescriptor d, Path sparkScores, Path duckScores) throws SQLException {
    String org = q(d.organisation());
    List<String> columns = SurveyColumns.scoreColumns(d.survey());
    try (Connection con = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = con.createStatement()) {
      st.execute("CREATE VIEW spark AS SELECT * FROM read_parquet(" + str(sparkScores + "/*.parquet") + ")");
      st.execute("CREATE VIEW duck AS SELECT * FROM read_parquet(" + str(duckScores.toString()) + ")");
      long[] sparkRows = rowsAndOrgYears(st, "spark");
      long[] duckRows = rowsAndOrgYears(st, "duck");
      System.out.printf("spark rows %d organisation_years %d%nduckdb rows %d organisation_years %d%n",
          sparkRows[0], sparkRows[1], duckRows[0], duckRows[1]);
      boolean ok = sparkRows[0] == duckRows[0] && sparkRows[1] == duckRows[1];
      List<String> checks = new ArrayList<>();
      checks.add("count(*) FILTER (WHERE s." + org + " IS NULL OR d." + org + " IS NULL) AS unmatched");
      for (String c : columns) {
        String a = "s." + q(c);
        String b = "d." + q(c);
        boolean count = c.equals(SurveyColumns.RESPONDENTS) || c.endsWith(SurveyColumns.BASE);
        checks.add("count(*) FILTER (WHERE (" + a + " IS NULL) <> (" + b + " IS NULL)) AS " + q("nulls " + c));
        checks.add(count ? "count(*) FILTER (WHERE " + a + " <> " + b + ") AS " + q("diff " + c)
            : "coalesce(max(abs(" + a + " - " + b + ")), 0) AS " + q("diff " + c));
      }
      String sql = "SELECT " + String.join(",\n  ", checks) + "\nFROM spark s FULL OUTER JOIN duck d ON s." + org
          + " = d." + org + " AND s.year = d.year";
      double maxDiff = 0;
      String maxColumn = "-";
      try (ResultSet rs = st.executeQuery(sql)) {
        rs.next();
        long unmatched = rs.getLong(1);
        if (unmatched != 0) {
          System.out.println("MISMATCH: " + unmatched + " organisation-years on one side only");
          ok = false;
        }
        int k = 2;
        for (String c : columns) {
          boolean count = c.equals(SurveyColumns.RESPONDENTS) || c.endsWith(SurveyColumns.BASE);
          long nulls = rs.getLong(k++);
          double diff = rs.getDouble(k++);
          if (nulls != 0) {
            System.out.println("MISMATCH: " + c + " is missing on one side only in " + nulls + " rows");
            ok = false;
          }
          if (count && diff != 0) {
            System.out.println("MISMATCH: " + c + " differs in " + (long) diff + " rows");
            ok = false;
          } else if (!count) {
            if (!(diff <= TOLERANCE)) {
              System.out.println("MISMATCH: " + c + " max abs difference " + diff);
              ok = false;
            }
            if (diff > maxDiff) {
              maxDiff = diff;
              maxColumn = c;
            }
          }
        }
      }
      System.out.printf("compared %d columns over organisation and year: max abs difference %.3g (%s), bases and "
          + "respondents %s%n", columns.size(), maxDiff, maxColumn, ok ? "identical" : "see above");
      System.out.println(ok ? "AGREE" : "DISAGREE");
      return ok;
    }
  }

  private static long[] rowsAndOrgYears(Statement st, String table) throws SQLException {
    try (ResultSet rs = st.executeQuery("SELECT coalesce(sum(" + SurveyColumns.RESPONDENTS + "), 0), count(*) FROM " + table)) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }

  // ---------------------------------------------------------------- SQL text

  private static List<String> quoted(List<String> names) {
    return names.stream().map(MicrodataBenchmark::q).toList();
  }

  /** An identifier. */
  static String q(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** A string literal. */
  static String str(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** A DOUBLE literal that reads back as exactly {@code x}. */
  static String dbl(double x) {
    return "CAST('" + Double.toString(x) + "' AS DOUBLE)";
  }
}
