package org.staffoutcomes.publish;

/**
 * The checks that decide whether a run may publish its bundle, in the order their exit codes take
 * precedence (the first that fails gives the run's exit code).
 */
public enum PublishCheck {
  /** A dataset that must have rows (descriptor {@code publish_checks.not_empty}) kept none. */
  NOT_EMPTY("not_empty"),
  /** A dataset, or a year of one, had rows in the published bundle and has none now. */
  KEEP_YEARS("keep_years"),
  /** A dataset has rows for a year outside the catalog's {@code years}. */
  YEAR_RANGE("year_range"),
  /** A dataset quarantined more of its rows than {@code --max-quarantined-percent} allows. */
  QUARANTINE("max_quarantined_percent");

  private final String id;

  PublishCheck(String id) {
    this.id = id;
  }

  /** The check's name in the manifest, the history and the messages. */
  public String id() {
    return id;
  }
}
