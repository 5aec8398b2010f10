package org.staffoutcomes.publish;

import java.util.List;

/**
 * What the publish checks decided for one run's bundle.
 *
 * @param failed every failed check, in check order, then catalog order
 * @param publishAnyway {@code --publish-anyway} was given: the bundle is published despite failures
 * @param rows the rows each dataset kept, to be recorded with the bundle
 * @param baseline the published bundle the rows were compared with, or null when there was none
 *     that recorded its rows
 */
public record Verdict(List<FailedCheck> failed, boolean publishAnyway, List<DatasetRows> rows, String baseline) {

  public Verdict {
    failed = List.copyOf(failed);
    rows = List.copyOf(rows);
  }

  /** Every check passed. */
  public boolean passed() {
    return failed.isEmpty();
  }

  /** The bundle becomes {@code bundles/latest}: every check passed, or --publish-anyway. */
  public boolean publishes() {
    return passed() || publishAnyway;
  }

  /** The first failed check in check order (its exit code is the run's), or null. */
  public PublishCheck first() {
    return failed.stream().map(FailedCheck::check).min(Enum::compareTo).orElse(null);
  }
}
