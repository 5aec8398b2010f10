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
import org.staffoutcomes.lake.UnitMemo;
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
    write(catalog, lake, false);
  }

  /**
   * As {@link #write(Catalog, LakePaths)}; with {@code reuse}, a dataset whose ingest record is
   * the one it was counted under last time (its lake table was not written since) keeps last
   * time's counts instead of being counted again from its footers. The counts' memo ({@code
   * lake/_state/stages/dataset-rows-units.json}) is removed before the table is replaced and
   * written after.
   */
  public static void write(Catalog catalog, LakePaths lake, boolean reuse) {
    java.nio.file.Path memo = lake.memo(TABLE.replace('_', '-'));
    UnitMemo last = reuse ? UnitMemo.read(memo) : UnitMemo.empty();
    UnitMemo next = UnitMemo.empty();
    List<DatasetRows> rows = new ArrayList<>();
    for (DatasetDescriptor d : catalog.datasets()) {
      Optional<String> state = lake.readState(d.name());
      String key = state.map(text -> new UnitMemo.Digest().text(text).hex()).orElse(null);
      Optional<Map<String, String>> same = key == null ? Optional.empty() : last.same(d.name(), key);
      DatasetRows r = same.isPresent()
          ? new DatasetRows(d.name(), Long.parseLong(same.get().get("rows")), perYear(same.get().get("rows_per_year")))
          : count(d, lake);
      rows.add(r);
      if (key != null) {
        next.put(d.name(), Map.of(UnitMemo.KEY, key, "rows", Long.toString(r.rows()), "rows_per_year", perYear(r)));
      }
    }
    UnitMemo.forget(memo);
    SmallTables.write(lake.analysis(TABLE), LAYOUT, rows.stream().map(r -> new Object[] {
        r.dataset(), r.rows(), perYear(r)}).toList());
    next.write(memo);
  }

  /** A dataset's rows per year as stored: {@code 2019=240;2020=238}. */
  private static String perYear(DatasetRows r) {
    return String.join(";", r.years().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }

  private static SortedMap<Integer, Long> perYear(String stored) {
    SortedMap<Integer, Long> years = new TreeMap<>();
    if (stored != null && !stored.isEmpty()) {
      for (String entry : stored.split(";")) {
        String[] kv = entry.split("=");
        years.put(Integer.valueOf(kv[0]), Long.valueOf(kv[1]));
      }
    }
    return years;
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
      out.put(r.string("dataset"), new DatasetRows(r.string("dataset"), r.longInt("rows"),
          perYear(r.string("rows_per_year"))));
    }
    return Optional.of(out);
  }
}
