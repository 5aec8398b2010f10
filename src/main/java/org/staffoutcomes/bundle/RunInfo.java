package org.staffoutcomes.bundle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the bundle records about a run.
 *
 * @param runId names the bundle folder: letters, digits, {@code . _ -}, not starting with a dot,
 *     not {@code latest} (e.g. {@code 2024-05-01T0200Z})
 * @param projectVersion version of this program
 * @param catalogName the dataset catalog's name
 * @param catalogTitle the catalog's human title, the index page's heading
 */
public record RunInfo(String runId, Instant started, Instant finished, String projectVersion,
    String catalogName, String catalogTitle, List<InputFile> inputs) {

  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

  public RunInfo {
    Objects.requireNonNull(runId, "runId");
    if (!RUN_ID.matcher(runId).matches() || runId.equals(BundleWriter.LATEST)) {
      throw new IllegalArgumentException("run id must be 1-128 letters, digits, '.', '_' or '-',"
          + " not start with '.' and not be 'latest': " + runId);
    }
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(finished, "finished");
    Objects.requireNonNull(projectVersion, "projectVersion");
    Objects.requireNonNull(catalogName, "catalogName");
    Objects.requireNonNull(catalogTitle, "catalogTitle");
    inputs = List.copyOf(inputs);
  }
}
