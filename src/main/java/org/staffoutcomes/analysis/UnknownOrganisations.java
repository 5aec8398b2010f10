package org.staffoutcomes.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.staffoutcomes.lake.LakePaths;
import org.staffoutcomes.lake.RawTables;
import org.staffoutcomes.panel.PanelColumns;
import org.staffoutcomes.panel.PanelTable;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.schema.MeasureSpec;
import org.staffoutcomes.schema.Role;

/**
 * Organisation codes that neither the organisations reference nor the successors dataset knows
 * (both codes of every succession count as known). Their panel rows are left out of every national
 * figure the analysis computes, and the codes are listed (see {@link UnknownOrganisation}). Only a
 * catalog with an organisations dataset can call a code unknown.
 */
public final class UnknownOrganisations {

  /** The panel's rows split: those analysed, and the codes left out. */
  public record Split(PanelTable analysed, List<UnknownOrganisation> unknown) {}

  private UnknownOrganisations() {}

  /**
   * The codes the catalog's reference datasets know, read from their lake tables without Spark;
   * empty when the catalog has no organisations dataset (then no code is unknown).
   */
  public static Optional<Set<String>> known(Catalog catalog, LakePaths lake) {
    Optional<DatasetDescriptor> organisations = catalog.withRole(Role.ORGANISATIONS).stream().findFirst();
    if (organisations.isEmpty()) {
      return Optional.empty();
    }
    Set<String> known = new HashSet<>(RawTables.values(lake.raw(organisations.get().name()),
        organisations.get().organisation()));
    for (DatasetDescriptor successors : catalog.withRole(Role.SUCCESSORS)) {
      for (String column : List.of("old_code", "new_code")) {
        known.addAll(RawTables.values(lake.raw(successors.name()), column));
      }
    }
    return Optional.of(known);
  }

  /**
   * Splits the collected panel rows: a row whose organisation code is not {@code known} is left
   * out; with {@code known} empty every row is analysed.
   *
   * @param columns the panel's column names
   * @param rows the panel's rows, values in column order
   */
  public static Split split(Catalog catalog, List<String> columns, List<Object[]> rows, Optional<Set<String>> known) {
    if (known.isEmpty()) {
      return new Split(new PanelTable(columns, rows), List.of());
    }
    int org = columns.indexOf(PanelColumns.ORG_CODE);
    int year = columns.indexOf(PanelColumns.SURVEY_YEAR);
    List<Object[]> analysed = new ArrayList<>();
    Map<String, List<Object[]>> left = new java.util.TreeMap<>();
    for (Object[] r : rows) {
      if (known.get().contains((String) r[org])) {
        analysed.add(r);
      } else {
        left.computeIfAbsent((String) r[org], k -> new ArrayList<>()).add(r);
      }
    }
    List<UnknownOrganisation> unknown = new ArrayList<>();
    for (Map.Entry<String, List<Object[]>> e : left.entrySet()) {
      Set<String> datasets = new java.util.LinkedHashSet<>();
      TreeSet<Integer> years = new TreeSet<>();
      for (Object[] r : e.getValue()) {
        years.add(((Number) r[year]).intValue());
      }
      for (Map.Entry<String, List<Integer>> d : measureColumns(catalog, columns).entrySet()) {
        if (e.getValue().stream().anyMatch(r -> d.getValue().stream().anyMatch(i -> present(r[i])))) {
          datasets.add(d.getKey());
        }
      }
      unknown.add(new UnknownOrganisation(e.getKey(), List.copyOf(datasets), List.copyOf(years)));
    }
    return new Split(new PanelTable(columns, analysed), unknown);
  }

  /** A value in the row: not missing, and not a count of zero periods or respondents. */
  private static boolean present(Object v) {
    return v != null && !(v instanceof Number n && n.doubleValue() == 0);
  }

  /** Per staff or outcome dataset, in catalog order, the panel columns its measures fill in a row's own year. */
  private static Map<String, List<Integer>> measureColumns(Catalog catalog, List<String> columns) {
    Map<String, List<Integer>> out = new LinkedHashMap<>();
    for (DatasetDescriptor d : catalog.datasets()) {
      List<Integer> indices = new ArrayList<>();
      for (MeasureSpec m : d.measures()) {
        for (String c : List.of(m.name(), m.name() + "_n", m.name() + "_periods")) {
          int i = columns.indexOf(c);
          if (i >= 0) {
            indices.add(i);
          }
        }
      }
      if (!indices.isEmpty()) {
        out.put(d.name(), indices);
      }
    }
    return out;
  }
}
