package org.staffoutcomes.publish;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The rows a dataset kept in the lake, in total and per year its period starts (years with rows
 * only; none for reference data). A published bundle's manifest records these for every dataset, so
 * that the next run can tell a year that vanished.
 *
 * @param dataset dataset name
 * @param rows rows kept
 * @param years rows kept per year
 */
public record DatasetRows(String dataset, long rows, SortedMap<Integer, Long> years) {

  public DatasetRows {
    Objects.requireNonNull(dataset, "dataset");
    years = years == null ? new TreeMap<>() : new TreeMap<>(years);
  }

  public static DatasetRows of(String dataset, long rows, Map<Integer, Long> years) {
    return new DatasetRows(dataset, rows, new TreeMap<>(years));
  }
}
