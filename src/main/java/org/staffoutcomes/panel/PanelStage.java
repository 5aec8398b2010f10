package org.staffoutcomes.panel;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.staffoutcomes.schema.AlignSpec;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.schema.MeasureInfo;
import org.staffoutcomes.schema.MeasureSpec;
import org.staffoutcomes.schema.Role;

/**
 * Panel: every dataset's lake rows in, one row per organisation and survey year out, holding the
 * organisation's attributes, each staff measure with its base n, each outcome with its counts and
 * the number of periods behind it, each outcome one year later ({@code <outcome>_lag1}) and one
 * year earlier ({@code <outcome>_prev1}).
 * A row exists for every organisation-year with at least one staff measure or outcome.
 */
public final class PanelStage {

  private static final String KEY_MEASURE = "pivot_key";
  private static final String PIVOT_ENTRIES = "pivot_entries";
  private static final String OWN_YEAR = "own_year";
  /** True on a long row whose organisation-year is a panel row (a measure of its own that year). */
  private static final String MAKES_ROW = "makes_row";

  private PanelStage() {}

  /**
   * @param catalog the datasets' descriptors
   * @param lakeRows each dataset's ingested rows, by dataset name
   */
  public static Dataset<Row> build(Catalog catalog, Map<String, Dataset<Row>> given) {
    Succession.Table successions = successions(catalog, given);
    Map<String, String> successorOf = successions.successorOf();
    Map<String, Dataset<Row>> lakeRows = catalog.succession() == Catalog.Succession.RESTATE && !successorOf.isEmpty()
        ? restated(catalog, given, Succession.finalSuccessors(successorOf)) : given;
    List<DatasetDescriptor> staff = catalog.withRole(Role.STAFF);
    Dataset<Row> measures = MeasureValues.of(staff, staff.stream().map(d -> rows(lakeRows, d)).toList(), List.of());
    // The staff measures are computed once: the survey years are read from them, and the
    // checkpoint below reuses them instead of aggregating every staff dataset again.
    measures = measures.localCheckpoint();
    List<Integer> outcomeYears = outcomeYears(measures);
    List<DatasetDescriptor> outcomeSets = catalog.withRole(Role.OUTCOME);
    List<String> lookedUpBefore = new ArrayList<>();
    if (!outcomeSets.isEmpty()) {
      measures = measures.unionByName(
          MeasureValues.of(outcomeSets, outcomeSets.stream().map(d -> rows(lakeRows, d)).toList(), outcomeYears));
    }
    for (DatasetDescriptor d : outcomeSets) {
      if (d.align().rule() == AlignSpec.AlignRule.LATEST_ON) {
        d.measures().forEach(m -> lookedUpBefore.add(m.name()));
      }
    }
    // Computed once and cut from its lineage: the panel reads it three times (values, lags,
    // previous periods).
    measures = measures.localCheckpoint();
    // A value in force before the first survey year is looked up for _prev1: it makes no row of
    // its own (it fills its column where a window dataset's earlier rows make one).
    Column makesRow = lookedUpBefore.isEmpty() ? lit(true)
        : not(col(MeasureValues.MEASURE).isin(lookedUpBefore.toArray())
            .and(col(PanelColumns.SURVEY_YEAR).equalTo(outcomeYears.get(0))));
    Dataset<Row> current = measures.withColumn(KEY_MEASURE, col(MeasureValues.MEASURE))
        .withColumn(MAKES_ROW, makesRow);
    List<MeasureInfo> outcomes = catalog.outcomes();
    Dataset<Row> outcomeValues = measures
        .filter(col(MeasureValues.MEASURE).isin(outcomes.stream().map(MeasureInfo::name).toArray()));
    // The window one year later goes on the row a year earlier, the window one year earlier on
    // the row a year later: one pivot makes both columns.
    Dataset<Row> lagged = outcomeValues
        .withColumn(PanelColumns.SURVEY_YEAR, col(PanelColumns.SURVEY_YEAR).minus(1))
        .withColumn(KEY_MEASURE, pivotKey(outcomes, m -> PanelColumns.lagged(m, 1)))
        .withColumn(MAKES_ROW, lit(false));
    Dataset<Row> previous = outcomeValues
        .withColumn(PanelColumns.SURVEY_YEAR, col(PanelColumns.SURVEY_YEAR).plus(1))
        .withColumn(KEY_MEASURE, pivotKey(outcomes, m -> PanelColumns.previous(m, 1)))
        .withColumn(MAKES_ROW, lit(false));
    List<Object> pivotValues = new ArrayList<>();
    for (MeasureInfo m : catalog.allMeasures()) {
      pivotValues.add(m.name());
    }
    for (MeasureInfo m : outcomes) {
      pivotValues.add(PanelColumns.lagged(m.name(), 1));
      pivotValues.add(PanelColumns.previous(m.name(), 1));
    }
    Dataset<Row> panel = pivot(current.unionByName(lagged).unionByName(previous), pivotValues);
    panel = withAttributes(catalog, lakeRows, panel);
    panel = withSuccession(panel, Succession.lineage(successorOf, catalog.succession()),
        catalog.succession() == Catalog.Succession.RESTATE ? successions.formedIn() : Map.of());
    // One row per organisation-year, small by construction: sorted in one partition, which
    // spares the global sort's sampling job.
    return panel.select(panelColumns(catalog).toArray(Column[]::new))
        .repartition(1).sortWithinPartitions(col(PanelColumns.ORG_CODE), col(PanelColumns.SURVEY_YEAR));
  }

  /** The pivot key of an outcome's row: its measure name renamed by {@code name}. */
  private static Column pivotKey(List<MeasureInfo> outcomes, Function<String, String> name) {
    List<Column> pairs = new ArrayList<>();
    for (MeasureInfo m : outcomes) {
      pairs.add(lit(m.name()));
      pairs.add(lit(name.apply(m.name())));
    }
    return element_at(map(pairs.toArray(Column[]::new)), col(MeasureValues.MEASURE));
  }

  /**
   * The long rows (one per organisation, year and pivot key) turned wide: per pivot key K the
   * columns K_v, K_n, K_num, K_den and K_p, one row per organisation-year that has a long row
   * marked {@link #MAKES_ROW} (a measure of its own that year; a year with only other years' values
   * has no row). One aggregation into a map per organisation-year: Spark's {@code pivot} plans two, and
   * the keys took a third and a join. Keys are unique per organisation-year by construction.
   */
  private static Dataset<Row> pivot(Dataset<Row> rows, List<Object> keys) {
    Column entry = struct(col(KEY_MEASURE), struct(col(MeasureValues.VALUE).as("v"), col(MeasureValues.BASE).as("n"),
        col(MeasureValues.NUMERATOR).as("num"), col(MeasureValues.DENOMINATOR).as("den"),
        col(MeasureValues.PERIODS).as("p")));
    Dataset<Row> grouped = rows
        .groupBy(col(PanelColumns.ORG_CODE), col(PanelColumns.SURVEY_YEAR))
        .agg(map_from_entries(collect_list(entry)).as(PIVOT_ENTRIES), max(col(MAKES_ROW)).as(OWN_YEAR))
        .filter(col(OWN_YEAR));
    // As the join of the keys with the pivot did: no values for a row without an organisation code.
    Column entries = when(col(PanelColumns.ORG_CODE).isNotNull(), col(PIVOT_ENTRIES));
    List<Column> out = new ArrayList<>(List.of(col(PanelColumns.ORG_CODE), col(PanelColumns.SURVEY_YEAR)));
    for (Object key : keys) {
      for (String field : List.of("v", "n", "num", "den", "p")) {
        out.add(entries.getItem(key).getField(field).as(key + "_" + field));
      }
    }
    return grouped.select(out.toArray(Column[]::new));
  }

  private static List<Column> panelColumns(Catalog catalog) {
    List<Column> out = new ArrayList<>();
    out.add(col(PanelColumns.ORG_CODE));
    out.add(col(PanelColumns.SURVEY_YEAR));
    for (String a : PanelColumns.ATTRIBUTES) {
      out.add(col(a));
    }
    out.add(col(PanelColumns.SUCCESSION));
    for (DatasetDescriptor d : catalog.datasets()) {
      for (MeasureSpec m : d.measures()) {
        String n = m.name();
        if (d.role() == Role.STAFF && m.base() != null) {
          // Disclosure control: a score resting on fewer respondents than the minimum is not shown.
          Column suppressed = col(n + "_n").lt(catalog.analysis().minRespondents());
          out.add(when(suppressed, lit(null)).otherwise(col(n + "_v")).as(PanelColumns.value(n)));
        } else {
          out.add(col(n + "_v").as(PanelColumns.value(n)));
        }
        if (m.isRatio()) {
          out.add(col(n + "_num").as(PanelColumns.numerator(n)));
          out.add(col(n + "_den").as(PanelColumns.denominator(n)));
        } else if (m.base() != null) {
          out.add(col(n + "_n").as(PanelColumns.base(n)));
          if (d.role() == Role.STAFF) {
            out.add(coalesce(col(n + "_n").lt(catalog.analysis().minRespondents()), lit(false))
                .as(PanelColumns.suppressed(n)));
          }
        }
        if (m.scaleChange() != null && !m.scaleChange().separate()) {
          out.add(col(PanelColumns.SURVEY_YEAR).lt(m.scaleChange().year()).and(col(n + "_v").isNotNull())
              .as(PanelColumns.rescaled(n)));
        }
        if (d.role() == Role.OUTCOME) {
          out.add(col(n + "_p").cast("int").as(PanelColumns.periods(n)));
          out.add(col(PanelColumns.lagged(n, 1) + "_v").as(PanelColumns.lagged(n, 1)));
          out.add(col(PanelColumns.previous(n, 1) + "_v").as(PanelColumns.previous(n, 1)));
        }
      }
    }
    return out;
  }

  /**
   * Attributes come, in this order of preference, from the staff survey row of that year, from
   * the organisations reference, from the organisation's latest staff survey row of any year (a
   * merged trust's restated years), and from the catalog's defaults.
   */
  private static Dataset<Row> withAttributes(Catalog catalog, Map<String, Dataset<Row>> lakeRows, Dataset<Row> panel) {
    Dataset<Row> out = panel;
    List<String> staffAttributes = new ArrayList<>();
    List<String> latestAttributes = new ArrayList<>();
    for (DatasetDescriptor d : catalog.withRole(Role.STAFF)) {
      List<Column> aggs = new ArrayList<>();
      for (String a : PanelColumns.ATTRIBUTES) {
        if (d.column(a).isPresent()) {
          String alias = d.name() + "__" + a;
          aggs.add(first(col(a), true).as(alias));
          staffAttributes.add(alias);
        }
      }
      if (!aggs.isEmpty()) {
        Dataset<Row> aligned = MeasureValues.alignedRows(d, rows(lakeRows, d), List.of());
        Dataset<Row> perYear = aligned
            .groupBy(col(PanelColumns.ORG_CODE), col(PanelColumns.SURVEY_YEAR))
            .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
        out = out.join(perYear, joinKeys(), "left");
        List<Column> latest = new ArrayList<>();
        for (String a : PanelColumns.ATTRIBUTES) {
          if (d.column(a).isPresent()) {
            latest.add(org.apache.spark.sql.functions.max_by(col(a), when(col(a).isNotNull(), col(PanelColumns.SURVEY_YEAR)))
                .as(d.name() + "__latest__" + a));
            latestAttributes.add(d.name() + "__latest__" + a);
          }
        }
        out = out.join(aligned.groupBy(col(PanelColumns.ORG_CODE))
            .agg(latest.get(0), latest.subList(1, latest.size()).toArray(Column[]::new)), seq(PanelColumns.ORG_CODE), "left");
      }
    }
    Optional<DatasetDescriptor> reference = catalog.withRole(Role.ORGANISATIONS).stream().findFirst();
    if (reference.isPresent()) {
      DatasetDescriptor d = reference.get();
      List<Column> cols = new ArrayList<>();
      cols.add(MeasureValues.orgCode(d).as(PanelColumns.ORG_CODE));
      for (String a : PanelColumns.ATTRIBUTES) {
        if (d.column(a).isPresent()) {
          cols.add(col(a).as("ref__" + a));
        }
      }
      out = out.join(rows(lakeRows, d).select(cols.toArray(Column[]::new)).dropDuplicates(PanelColumns.ORG_CODE),
          seq(PanelColumns.ORG_CODE), "left");
    }
    for (String a : PanelColumns.ATTRIBUTES) {
      List<Column> sources = new ArrayList<>();
      for (String s : staffAttributes) {
        if (s.endsWith("__" + a)) {
          sources.add(col(s));
        }
      }
      if (reference.isPresent() && reference.get().column(a).isPresent()) {
        sources.add(col("ref__" + a));
      }
      for (String s : latestAttributes) {
        if (s.endsWith("__latest__" + a)) {
          sources.add(col(s));
        }
      }
      sources.add(a.equals(PanelColumns.ORG_NAME) ? col(PanelColumns.ORG_CODE) : lit(catalog.defaultAttribute(a)));
      out = out.withColumn(a, coalesce(sources.toArray(Column[]::new)));
    }
    return out;
  }

  /**
   * The survey years with staff results, the year before the first (for the first year's
   * {@code _prev1}) and the year after the last (for {@code _lag1}): the years for which "value in
   * force" outcomes are looked up. Small by construction.
   */
  private static List<Integer> outcomeYears(Dataset<Row> staffMeasures) {
    List<Integer> years = new ArrayList<>(staffMeasures.select(col(PanelColumns.SURVEY_YEAR)).distinct()
        .collectAsList().stream().map(r -> r.getInt(0)).sorted().toList());
    if (!years.isEmpty()) {
      years.add(0, years.get(0) - 1);
      years.add(years.get(years.size() - 1) + 1);
    }
    return years;
  }

  /**
   * The catalog's successions (old code -> new code, and when each successor took over, if the
   * dataset has {@code effective_date}), read in one pass. Small by construction.
   */
  public static Succession.Table successions(Catalog catalog, Map<String, Dataset<Row>> lakeRows) {
    Map<String, String> successorOf = new java.util.TreeMap<>();
    Map<String, Integer> formedIn = new java.util.TreeMap<>();
    for (DatasetDescriptor d : catalog.withRole(Role.SUCCESSORS)) {
      boolean dated = d.column(Succession.EFFECTIVE_DATE).isPresent();
      Column date = dated ? col(Succession.EFFECTIVE_DATE).cast("string") : lit(null).cast("string");
      for (Row r : rows(lakeRows, d).select(col("old_code"), col("new_code"), date).collectAsList()) {
        if (!r.isNullAt(0) && !r.isNullAt(1) && !r.getString(0).equals(r.getString(1))) {
          successorOf.put(r.getString(0), r.getString(1));
          int year = Succession.effectiveYear(r.getString(2));
          if (year > 0) {
            formedIn.merge(r.getString(1), year, Math::max);
          }
        }
      }
    }
    return new Succession.Table(successorOf, formedIn);
  }

  /** Every dataset's organisation codes after the code map, then replaced by their final successor. */
  private static Map<String, Dataset<Row>> restated(Catalog catalog, Map<String, Dataset<Row>> lakeRows,
      Map<String, String> finalSuccessor) {
    List<Column> pairs = new ArrayList<>();
    finalSuccessor.forEach((old, last) -> {
      pairs.add(lit(old));
      pairs.add(lit(last));
    });
    Column mapping = org.apache.spark.sql.functions.map(pairs.toArray(Column[]::new));
    Map<String, Dataset<Row>> out = new java.util.LinkedHashMap<>(lakeRows);
    for (DatasetDescriptor d : catalog.datasets()) {
      // The reference keeps each code's own attributes: the successor has a row of its own.
      if (d.role() != Role.SUCCESSORS && d.role() != Role.ORGANISATIONS) {
        Column code = MeasureValues.orgCode(d);
        Column successor = org.apache.spark.sql.functions.element_at(mapping, code);
        Dataset<Row> r = rows(lakeRows, d);
        // A predecessor's name, type, group and region are not its successor's: a restated row
        // leaves them to the successor's own rows or the reference (else which predecessor's row
        // is seen first would decide). Cleared before the code they are read from changes.
        for (String a : PanelColumns.ATTRIBUTES) {
          if (d.column(a).isPresent()) {
            r = r.withColumn(a, when(successor.isNull(), col(a)));
          }
        }
        out.put(d.name(), r.withColumn(d.organisation(), coalesce(successor, code)));
      }
    }
    return out;
  }

  /**
   * Adds the succession sentence of every organisation that has one ("" for the others). A
   * restated organisation whose formation year is known says, row by row, whether the year is
   * its predecessors' results combined or its own.
   */
  private static Dataset<Row> withSuccession(Dataset<Row> panel, Map<String, String> lineage,
      Map<String, Integer> formedIn) {
    Column text = lit("");
    for (Map.Entry<String, String> e : lineage.entrySet()) {
      Column org = col(PanelColumns.ORG_CODE).equalTo(e.getKey());
      Integer formed = formedIn.get(e.getKey());
      if (formed == null) {
        text = when(org, lit(e.getValue())).otherwise(text);
      } else {
        String note = " (" + e.getKey() + " formed " + formed + ")";
        text = when(org.and(col(PanelColumns.SURVEY_YEAR).lt(formed)),
            lit(e.getValue() + "; this year: the predecessors' results combined" + note))
            .when(org, lit(e.getValue() + "; this year: its own results" + note))
            .otherwise(text);
      }
    }
    return panel.withColumn(PanelColumns.SUCCESSION, text);
  }

  private static Dataset<Row> rows(Map<String, Dataset<Row>> lakeRows, DatasetDescriptor d) {
    Dataset<Row> rows = lakeRows.get(d.name());
    if (rows == null) {
      throw new IllegalArgumentException("Cannot build the panel: no lake rows given for dataset '" + d.name() + "'");
    }
    return rows;
  }

  private static scala.collection.immutable.Seq<String> joinKeys() {
    return seq(PanelColumns.ORG_CODE, PanelColumns.SURVEY_YEAR);
  }

  private static scala.collection.immutable.Seq<String> seq(String... columns) {
    return scala.collection.JavaConverters.asScalaBuffer(List.of(columns)).toList();
  }
}
