package org.staffoutcomes.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import org.staffoutcomes.ingest.DatasetReport;
import org.staffoutcomes.lake.LakePaths;
import org.staffoutcomes.ingest.LakeRows;
import org.staffoutcomes.lake.RawTables;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * What the publish checks read, from a work folder's lake without Spark: the rows each dataset
 * kept (Parquet footers), the source files of a year's rows, and the ingest reports of {@code
 * lake/_state/}.
 */
public final class LakeSource implements PublishChecks.Source {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LakePaths lake;

  public LakeSource(LakePaths lake) {
    this.lake = lake;
  }

  @Override
  public DatasetRows rows(DatasetDescriptor d) {
    String table = lake.raw(d.name());
    SortedMap<Integer, Long> years = d.period() == null ? new java.util.TreeMap<>() : RawTables.perYear(table);
    return DatasetRows.of(d.name(), RawTables.total(table), years);
  }

  @Override
  public SortedSet<String> files(DatasetDescriptor d, int year, int limit) {
    return RawTables.values(lake.raw(d.name()), year, LakeRows.SOURCE_FILE, limit);
  }

  @Override
  public Optional<DatasetReport> report(DatasetDescriptor d) {
    return lake.readState(d.name()).flatMap(text -> {
      try {
        return Optional.of(JSON.readValue(text, DatasetReport.class));
      } catch (IOException e) {
        return Optional.empty(); // unreadable: the checks that need it are skipped, the others still run
      }
    });
  }
}
