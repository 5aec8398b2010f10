package org.staffoutcomes.schema;

import java.util.List;

/**
 * One column of an input file as the lake keeps it.
 *
 * @param name the column's name in the lake (snake_case)
 * @param source the header of the column in the published file
 * @param type the type values are cast to
 * @param required true when an empty or missing-token value sends the row to quarantine
 * @param range inclusive [min, max] for numeric columns, or null
 * @param pattern a regular expression every non-missing value must match in full, or null
 * @param allowed the only values allowed, or null
 * @param description what the column means (for the data dictionary)
 * @param levels for an ordinal column, its levels from lowest to highest
 * @param missing values that mean "no value" in this column, besides the file's missing tokens
 *     (e.g. a survey year's "not answered" and "don't know" codes)
 */
public record ColumnSpec(
    String name,
    String source,
    ColumnType type,
    boolean required,
    List<Double> range,
    String pattern,
    List<String> allowed,
    String description,
    List<String> levels,
    List<String> missing) implements java.io.Serializable {

  public ColumnSpec {
    allowed = allowed == null ? List.of() : List.copyOf(allowed);
    range = range == null ? List.of() : List.copyOf(range);
    description = description == null ? "" : description;
    levels = levels == null ? List.of() : List.copyOf(levels);
    missing = missing == null ? List.of() : List.copyOf(missing);
  }

  /** The header to look for in the file: {@code source}, or {@code name} when none is given. */
  public String header() {
    return source == null || source.isBlank() ? name : source;
  }

  public boolean hasRange() {
    return range.size() == 2;
  }
}
