package org.staffoutcomes.sample;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link SampleGenerator#generate} wrote.
 *
 * @param landingDir the landing area the files were written under
 * @param options the options used
 * @param datasets one entry per dataset, in the catalog's order
 */
public record SampleSummary(Path landingDir, SampleOptions options, List<DatasetCount> datasets) {

  /**
   * Files and data rows (header excluded) written for one dataset.
   *
   * @param dataset the dataset descriptor's name (e.g. {@code staff_survey})
   * @param files number of files written
   * @param rows number of data rows over all its files
   */
  public record DatasetCount(String dataset, int files, long rows) {}

  public SampleSummary {
    datasets = List.copyOf(datasets);
  }

  /** The count of the named dataset. */
  public DatasetCount dataset(String name) {
    return datasets.stream()
        .filter(d -> d.dataset().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no dataset " + name));
  }

  /** Files written over all datasets (truth.json excluded). */
  public int totalFiles() {
    return datasets.stream().mapToInt(DatasetCount::files).sum();
  }

  /** Rows written over all datasets. */
  public long totalRows() {
    return datasets.stream().mapToLong(DatasetCount::rows).sum();
  }
}
