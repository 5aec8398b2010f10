package org.staffoutcomes.panel;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.staffoutcomes.lake.LakePaths;
import org.staffoutcomes.lake.SmallTables;
import org.staffoutcomes.lake.TableLayout;
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
 *
 * <p>Computed in plain Java on the driver, without Spark: its inputs are trust-level by
 * construction (outcome datasets' organisation x period rows, the scores stage's organisation x
 * year scores; respondents never reach the panel), read from the lake ({@link SmallTables}) one row
 * at a time into per organisation-year groups.
 */
public final class PanelStage {

  private PanelStage() {}

  /**
   * The panel as built: its columns (all nullable) and rows, ordered by organisation code, then year.
   */
  public record Panel(TableLayout layout, List<Object[]> rows) {

    public List<String> columns() {
      return layout.names();
    }
  }

  /**
   * Builds the panel from the lake under {@code lake}, replaces {@code lake/panel} with it and
   * says what it holds on {@code out}; returns the number of organisation-years.
   */
  public static int run(Catalog catalog, LakePaths lake, PrintWriter out) {
    long t0 = System.nanoTime();
    Panel panel = build(catalog, lake);
    SmallTables.write(lake.panel(), panel.layout(), panel.rows());
    Set<String> orgs = new HashSet<>();
    panel.rows().forEach(r -> orgs.add((String) r[0]));
    out.printf("panel  %,d organisation-years, %,d organisations, %d columns (%.1f s)%n",
        panel.rows().size(), orgs.size(), panel.columns().size(), (System.nanoTime() - t0) / 1e9);
    out.flush();
    return panel.rows().size();
  }

  /** What the panel reads for a dataset: a survey dataset's scores, any other's lake rows. */
  public static String input(LakePaths lake, DatasetDescriptor d) {
    return d.survey() != null ? lake.scores(d.name()) : lake.raw(d.name());
  }

  public static Panel build(Catalog catalog, LakePaths lake) {
    Succession.Table successions = successions(catalog, lake);
    Map<String, String> successorOf = successions.successorOf();
    Map<String, String> finalSuccessor = catalog.succession() == Catalog.Succession.RESTATE && !successorOf.isEmpty()
        ? Succession.finalSuccessors(successorOf) : Map.of();
    Attributes attributes = new Attributes(catalog);
    Map<OrgYear, Map<String, MeasureValues.Value>> values = new HashMap<>();
    // Each dataset's measures are read on its own (in parallel: a dataset's rows meet no other's
    // until here) and put together in catalog order, so a later dataset's measure of the same name
    // wins as it did one at a time. The staff datasets come first: they decide the outcome years.
    List<DatasetDescriptor> staff = catalog.withRole(Role.STAFF);
    List<Attributes.Staff> staffAttributes = staff.stream().map(attributes::staff).toList();
    java.util.stream.IntStream.range(0, staff.size()).parallel()
        .mapToObj(i -> measures(staff.get(i), lake, finalSuccessor, List.of(),
            staffAttributes.get(i) == null ? null : staffAttributes.get(i)::add))
        .toList().forEach(m -> addValues(m, values));
    List<Integer> outcomeYears = outcomeYears(values.keySet());
    Set<String> lookedUpBefore = new HashSet<>();
    List<DatasetDescriptor> outcomeData = catalog.withRole(Role.OUTCOME);
    outcomeData.parallelStream().map(d -> measures(d, lake, finalSuccessor, outcomeYears, null)).toList()
        .forEach(m -> addValues(m, values));
    for (DatasetDescriptor d : outcomeData) {
      if (d.align().rule() == AlignSpec.AlignRule.LATEST_ON) {
        d.measures().forEach(m -> lookedUpBefore.add(m.name()));
      }
    }
    for (DatasetDescriptor d : catalog.withRole(Role.ORGANISATIONS).stream().limit(1).toList()) {
      // The reference keeps each code's own attributes (the successor has a row of its own) and
      // every row: no filter.
      attributes.referenceColumns(d);
      SourceRows.unfiltered(d).forEach(input(lake, d), attributes::reference);
    }
    Map<String, String> lineage = Succession.lineage(successorOf, catalog.succession());
    Map<String, Integer> formedIn = catalog.succession() == Catalog.Succession.RESTATE ? successions.formedIn() : Map.of();
    Set<String> outcomes = new HashSet<>(catalog.outcomes().stream().map(MeasureInfo::name).toList());
    // A value in force before the first survey year is looked up for _prev1: it makes no row of
    // its own (it fills its column where a window dataset's earlier rows make one).
    Integer firstLookup = outcomeYears.isEmpty() ? null : outcomeYears.get(0);
    List<PanelColumn> columns = columns(catalog);
    List<Object[]> rows = new ArrayList<>();
    Map<OrgYear, Map<String, MeasureValues.Value>> ordered = new TreeMap<>(OrgYear.ORDER);
    ordered.putAll(values);
    ordered.forEach((key, current) -> {
      boolean makesRow = current.values().stream()
          .anyMatch(v -> !(lookedUpBefore.contains(v.measure()) && firstLookup != null && key.year() == firstLookup));
      if (!makesRow) {
        return;
      }
      // No values for a row without an organisation code: it meets no other row.
      Wide row = key.org() == null ? new Wide(key, attributes.of(key), "", Map.of(), Map.of(), Map.of())
          : new Wide(key, attributes.of(key), succession(key, lineage, formedIn), current,
              outcomeValues(values.get(new OrgYear(key.org(), key.year() + 1)), outcomes),
              outcomeValues(values.get(new OrgYear(key.org(), key.year() - 1)), outcomes));
      Object[] out = new Object[columns.size()];
      for (int i = 0; i < out.length; i++) {
        out[i] = columns.get(i).value().apply(row);
      }
      rows.add(out);
    });
    TableLayout.Builder layout = TableLayout.builder();
    columns.forEach(c -> layout.optional(c.name(), c.type()));
    return new Panel(layout.build(), rows);
  }

  /** One dataset's measures per organisation-year; its aligned rows also to {@code alsoEach} (this dataset's own). */
  private static MeasureValues measures(DatasetDescriptor d, LakePaths lake, Map<String, String> finalSuccessor,
      List<Integer> surveyYears, BiConsumer<SourceRow, Integer> alsoEach) {
    MeasureValues measures = new MeasureValues(d);
    MeasureValues.aligned(d, new SourceRows(d, finalSuccessor), input(lake, d), surveyYears, (row, year) -> {
      measures.add(row, year);
      if (alsoEach != null) {
        alsoEach.accept(row, year);
      }
    });
    return measures;
  }

  /** A dataset's measures into {@code values}. */
  private static void addValues(MeasureValues measures, Map<OrgYear, Map<String, MeasureValues.Value>> values) {
    measures.values().forEach((key, list) -> {
      for (MeasureValues.Value v : list) {
        values.computeIfAbsent(key, k -> new HashMap<>()).put(v.measure(), v);
      }
    });
  }

  private static Map<String, MeasureValues.Value> outcomeValues(Map<String, MeasureValues.Value> values,
      Set<String> outcomes) {
    if (values == null) {
      return Map.of();
    }
    Map<String, MeasureValues.Value> out = new HashMap<>(values);
    out.keySet().retainAll(outcomes);
    return out;
  }

  /**
   * The survey years with staff results, the year before the first (for the first year's
   * {@code _prev1}) and the year after the last (for {@code _lag1}): the years for which "value in
   * force" outcomes are looked up.
   */
  static List<Integer> outcomeYears(Set<OrgYear> staffKeys) {
    TreeSet<Integer> years = new TreeSet<>();
    staffKeys.forEach(k -> years.add(k.year()));
    List<Integer> out = new ArrayList<>(years);
    if (!out.isEmpty()) {
      out.add(0, out.get(0) - 1);
      out.add(out.get(out.size() - 1) + 1);
    }
    return out;
  }

  /**
   * The succession sentence of an organisation that has one ("" for the others). A restated
   * organisation whose formation year is known says, row by row, whether the year is its
   * predecessors' results combined or its own.
   */
  static String succession(OrgYear key, Map<String, String> lineage, Map<String, Integer> formedIn) {
    String text = lineage.get(key.org());
    if (text == null) {
      return "";
    }
    Integer formed = formedIn.get(key.org());
    if (formed == null) {
      return text;
    }
    String note = " (" + key.org() + " formed " + formed + ")";
    return key.year() < formed ? text + "; this year: the predecessors' results combined" + note
        : text + "; this year: its own results" + note;
  }

  /**
   * One organisation-year before its columns are laid out: its own values, and its outcomes' values
   * one year later ({@code lag}) and one year earlier ({@code previous}), by measure.
   */
  private record Wide(OrgYear key, String[] attributes, String succession, Map<String, MeasureValues.Value> current,
      Map<String, MeasureValues.Value> lag, Map<String, MeasureValues.Value> previous) {}

  /** A panel column: its name, type and value on a row. */
  private record PanelColumn(String name, TableLayout.Type type, Function<Wide, Object> value) {}

  private static List<PanelColumn> columns(Catalog catalog) {
    List<PanelColumn> out = new ArrayList<>();
    out.add(new PanelColumn(PanelColumns.ORG_CODE, TableLayout.Type.STRING, w -> w.key().org()));
    out.add(new PanelColumn(PanelColumns.SURVEY_YEAR, TableLayout.Type.INT, w -> w.key().year()));
    for (int i = 0; i < PanelColumns.ATTRIBUTES.length; i++) {
      int a = i;
      out.add(new PanelColumn(PanelColumns.ATTRIBUTES[i], TableLayout.Type.STRING, w -> w.attributes()[a]));
    }
    out.add(new PanelColumn(PanelColumns.SUCCESSION, TableLayout.Type.STRING, Wide::succession));
    int min = catalog.analysis().minRespondents();
    for (DatasetDescriptor d : catalog.datasets()) {
      for (MeasureSpec m : d.measures()) {
        String n = m.name();
        Function<Wide, MeasureValues.Value> own = w -> w.current().get(n);
        Function<Wide, Double> v = w -> own.apply(w) == null ? null : own.apply(w).value();
        Function<Wide, Double> base = w -> own.apply(w) == null ? null : own.apply(w).base();
        boolean staff = d.role() == Role.STAFF;
        if (staff && m.base() != null) {
          // Disclosure control: a score resting on fewer respondents than the minimum is not shown.
          out.add(new PanelColumn(PanelColumns.value(n), TableLayout.Type.DOUBLE,
              w -> base.apply(w) != null && base.apply(w) < min ? null : v.apply(w)));
        } else {
          out.add(new PanelColumn(PanelColumns.value(n), TableLayout.Type.DOUBLE, v::apply));
        }
        if (m.isRatio()) {
          out.add(new PanelColumn(PanelColumns.numerator(n), TableLayout.Type.DOUBLE,
              w -> own.apply(w) == null ? null : own.apply(w).numerator()));
          out.add(new PanelColumn(PanelColumns.denominator(n), TableLayout.Type.DOUBLE,
              w -> own.apply(w) == null ? null : own.apply(w).denominator()));
        } else if (m.base() != null) {
          out.add(new PanelColumn(PanelColumns.base(n), TableLayout.Type.DOUBLE, base::apply));
          if (staff) {
            out.add(new PanelColumn(PanelColumns.suppressed(n), TableLayout.Type.BOOLEAN,
                w -> base.apply(w) != null && base.apply(w) < min));
          }
        }
        if (m.scaleChange() != null && !m.scaleChange().separate()) {
          int year = m.scaleChange().year();
          out.add(new PanelColumn(PanelColumns.rescaled(n), TableLayout.Type.BOOLEAN,
              w -> w.key().year() < year && v.apply(w) != null));
        }
        if (d.role() == Role.OUTCOME) {
          out.add(new PanelColumn(PanelColumns.periods(n), TableLayout.Type.INT,
              w -> own.apply(w) == null ? null : (int) own.apply(w).periods()));
          out.add(new PanelColumn(PanelColumns.lagged(n, 1), TableLayout.Type.DOUBLE,
              w -> w.lag().get(n) == null ? null : w.lag().get(n).value()));
          out.add(new PanelColumn(PanelColumns.previous(n, 1), TableLayout.Type.DOUBLE,
              w -> w.previous().get(n) == null ? null : w.previous().get(n).value()));
        }
      }
    }
    return out;
  }

  /**
   * The catalog's successions (old code -> new code, and when each successor took over, if the
   * dataset has {@code effective_date}), read in one pass. Small by construction.
   */
  public static Succession.Table successions(Catalog catalog, LakePaths lake) {
    Map<String, String> successorOf = new TreeMap<>();
    Map<String, Integer> formedIn = new TreeMap<>();
    for (DatasetDescriptor d : catalog.withRole(Role.SUCCESSORS)) {
      boolean dated = d.column(Succession.EFFECTIVE_DATE).isPresent();
      SmallTables.forEach(input(lake, d), r -> {
        Object old = r.value("old_code");
        Object next = r.value("new_code");
        if (old != null && next != null && !old.toString().equals(next.toString())) {
          successorOf.put(old.toString(), next.toString());
          Object date = dated ? r.value(Succession.EFFECTIVE_DATE) : null;
          int year = Succession.effectiveYear(date == null ? null : date.toString());
          if (year > 0) {
            formedIn.merge(next.toString(), year, Math::max);
          }
        }
      });
    }
    return new Succession.Table(successorOf, formedIn);
  }
}
