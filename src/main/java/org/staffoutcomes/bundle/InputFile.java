package org.staffoutcomes.bundle;

import java.util.Objects;

/**
 * One input file of a run, as listed in {@code manifest.json} and the index page.
 *
 * @param dataset the dataset it belongs to (catalog name)
 * @param path where it was read from, as given on the command line or in the catalog
 * @param sha256 lowercase hex SHA-256 of the file's bytes
 * @param bytes file size
 * @param rowsRead data rows read
 * @param rowsKept rows that passed the checks
 * @param rowsQuarantined rows set aside in the quarantine file
 */
public record InputFile(String dataset, String path, String sha256, long bytes, long rowsRead,
    long rowsKept, long rowsQuarantined) {

  public InputFile {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
  }
}
