package org.staffoutcomes.schema;

/** What a dataset contributes to the panel. */
public enum Role {
  /** Reference data: one row per organisation (name, trust type, benchmarking group, region). */
  ORGANISATIONS,
  /** Staff survey results: staff measures per organisation and survey year. */
  STAFF,
  /** Outcomes and performance metrics, aligned to survey years by the descriptor's period rule. */
  OUTCOME
}
