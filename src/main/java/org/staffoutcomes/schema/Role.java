package org.staffoutcomes.schema;

/** What a dataset contributes to the panel. */
public enum Role {
  /** Reference data: one row per organisation (name, trust type, benchmarking group, region). */
  ORGANISATIONS,
  /**
   * Organisation succession (the layout of the organisation data service's succession files):
   * columns {@code old_code} and {@code new_code}, optionally {@code reason} and
   * {@code effective_date}. The catalog's {@code succession} says whether predecessors are restated
   * under their successor or their series break.
   */
  SUCCESSORS,
  /** Staff survey results: staff measures per organisation and survey year. */
  STAFF,
  /** Outcomes and performance metrics, aligned to survey years by the descriptor's period rule. */
  OUTCOME
}
