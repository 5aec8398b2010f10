package org.staffoutcomes.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.staffoutcomes.lake.LakeException;
import org.staffoutcomes.lake.LakePaths;
import org.staffoutcomes.lake.RawTables;
import org.staffoutcomes.lake.SmallTables;
import org.staffoutcomes.lake.TableLayout;
import org.staffoutcomes.lake.TableRecord;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * The rows each dataset kept when the analysis ran, {@code lake/analysis/dataset_rows/}: one row per
 * dataset with its total and its rows per year ({@code 2019=240;2020=238}). Written by the
 * analysis stage from the Parquet footers of {@code lake/raw/}, so that the publish checks judge
 * the rows the bundle was computed from, and render reads only what the analysis wrote.
 */
public final class KeptRows {

  static final String TABLE = "dataset_rows";
  static final TableLayout LAYOUT = TableLayout.builder().string("dataset").longInt("rows")
      .string("rows_per_year").build();

  private KeptRows() {}

  /** The rows {@code d} holds in the lake now, from the Parquet footers of {@code lake/raw/<dataset>/}. */
  public static DatasetRows count(DatasetDescriptor d, LakePaths lake) {
    String table = lake.raw(d.name());
    return DatasetRows.of(d.name(), RawTables.total(table), d.period() == null ? Map.of() : RawTables.perYear(table));
  }

  /** Counts every dataset's rows and writes them beside the analysis' results. */
  public static void write(Catalog catalog, LakePaths lake) {
    List<DatasetRows> rows = new ArrayList<>();
    for (DatasetDescriptor d : catalog.datasets()) {
      rows.add(count(d, lake));
    }
    SmallTables.write(lake.analysis(TABLE), LAYOUT, rows.stream().map(r -> new Object[] {
        r.dataset(), r.rows(), String.join(";", r.years().entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue()).toList())}).toList());
  }

  /** The rows the analysis recorded per dataset; empty when it recorded none (an older analysis). */
  public static Optional<Map<String, DatasetRows>> read(LakePaths lake) {
    List<TableRecord> records;
    try {
      records = SmallTables.read(lake.analysis(TABLE));
    } catch (LakeException e) {
      return Optional.empty();
    }
    Map<String, DatasetRows> out = new LinkedHashMap<>();
    for (TableRecord r : records) {
      SortedMap<Integer, Long> years = new TreeMap<>();
      String perYear = r.string("rows_per_year");
      if (perYear != null && !perYear.isEmpty()) {
        for (String entry : perYear.split(";")) {
          String[] kv = entry.split("=");
          years.put(Integer.valueOf(kv[0]), Long.valueOf(kv[1]));
        }
      }
      out.put(r.string("dataset"), new DatasetRows(r.string("dataset"), r.longInt("rows"), years));
    }
    return Optional.of(out);
  }
}
