package org.staffoutcomes.publish;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.staffoutcomes.ingest.DatasetReport;
import org.staffoutcomes.lake.LakePaths;
import org.staffoutcomes.ingest.LakeRows;
import org.staffoutcomes.lake.RawTables;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * What the publish checks read, from a work folder's lake without Spark: the rows each dataset
 * kept as the analysis recorded them ({@link KeptRows}; counted from {@code lake/raw/} when an older
 * analysis recorded none), the source files of a year's rows, and the ingest reports of {@code
 * lake/_state/}.
 */
public final class LakeSource implements PublishChecks.Source {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final LakePaths lake;
  private final Optional<Map<String, DatasetRows>> recorded;

  public LakeSource(LakePaths lake) {
    this.lake = lake;
    this.recorded = KeptRows.read(lake);
  }

  @Override
  public DatasetRows rows(DatasetDescriptor d) {
    if (recorded.isPresent()) {
      return recorded.get().getOrDefault(d.name(), DatasetRows.of(d.name(), 0, Map.of()));
    }
    return KeptRows.count(d, lake);
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
