package org.staffoutcomes.ingest;

import java.util.List;

/**
 * What ingest did with one dataset.
 *
 * @param dataset dataset name
 * @param fingerprint digest of the descriptor and of every input file; an unchanged fingerprint
 *     means the lake already holds this exact ingest
 * @param skipped true when this run found the fingerprint unchanged and did not re-ingest
 * @param files one report per input file
 */
public record DatasetReport(String dataset, String fingerprint, boolean skipped, List<FileReport> files) {

  public long rowsRead() {
    return files.stream().mapToLong(FileReport::rowsRead).sum();
  }

  public long rowsKept() {
    return files.stream().mapToLong(FileReport::rowsKept).sum();
  }

  public long rowsQuarantined() {
    return files.stream().mapToLong(FileReport::rowsQuarantined).sum();
  }

  public DatasetReport asSkipped() {
    return new DatasetReport(dataset, fingerprint, true, files);
  }
}
