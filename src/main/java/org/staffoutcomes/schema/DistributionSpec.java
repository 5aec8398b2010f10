package org.staffoutcomes.schema;

import java.util.List;

/**
 * A published response distribution: the percentage of respondents giving each answer, in
 * {@code columns}, and the score of each answer, in {@code scores}. A row's value is
 * sum(p_i x s_i) / sum(p_i): divided by the row's own total, because published percentages are
 * rounded and need not add up to 100. Scores 1..5 give the item mean; scores 0/0/0/100/100 give
 * the percentage answering in the top two categories.
 */
public record DistributionSpec(List<String> columns, List<Double> scores) implements java.io.Serializable {

  public DistributionSpec {
    columns = columns == null ? List.of() : List.copyOf(columns);
    scores = scores == null ? List.of() : List.copyOf(scores);
  }
}
