package org.staffoutcomes.standing;

/**
 * Where one organisation stands in its benchmarking group for one measure and year
 * ({@code data/positions.csv}).
 *
 * @param groupBest the group's best value by the measure's direction
 * @param groupMedian the group's median (type 7)
 * @param groupWorst the group's worst value
 * @param quintile 1 = the group's best fifth ... 5 = its worst fifth
 * @param rank 1 = best; tied values share the best rank of the tie
 * @param groupN organisations of the group with a value that year
 */
public record PositionRow(String orgCode, String measure, int year, String benchmarkGroup, double value,
    double groupBest, double groupMedian, double groupWorst, int quintile, int rank, int groupN) {}
