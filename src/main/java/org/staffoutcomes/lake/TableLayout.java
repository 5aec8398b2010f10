package org.staffoutcomes.lake;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The columns of a small lake table written and read without Spark ({@link SmallTables}): the
 * result tables of the analysis stage, which the render stage reads. One place per table spells
 * its columns; the record classes convert to and from {@link TableRecord}.
 *
 * @param columns the columns in file order
 */
public record TableLayout(List<Column> columns) {

  /** The value types a small table holds. */
  public enum Type { STRING, INT, LONG, DOUBLE, BOOLEAN }

  /**
   * One column. A nullable double column stores NaN as null (as Spark writes a missing
   * coefficient), and reads null back as NaN.
   */
  public record Column(String name, Type type, boolean nullable) {
    public Column {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  public TableLayout {
    columns = List.copyOf(columns);
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<String> names() {
    return columns.stream().map(Column::name).toList();
  }

  /** The layout as Spark's schema JSON, kept beside the files as {@code _schema.json} for Spark readers. */
  String sparkSchemaJson() {
    StringBuilder s = new StringBuilder("{\"type\":\"struct\",\"fields\":[");
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      String type = switch (c.type()) {
        case STRING -> "string";
        case INT -> "integer";
        case LONG -> "long";
        case DOUBLE -> "double";
        case BOOLEAN -> "boolean";
      };
      s.append(i == 0 ? "" : ",").append("{\"name\":\"").append(c.name()).append("\",\"type\":\"").append(type)
          .append("\",\"nullable\":").append(c.nullable()).append(",\"metadata\":{}}");
    }
    return s.append("]}").toString();
  }

  /** Declares columns in order. */
  public static final class Builder {
    private final List<Column> columns = new ArrayList<>();

    public Builder string(String name) {
      return add(name, Type.STRING, false);
    }

    public Builder integer(String name) {
      return add(name, Type.INT, false);
    }

    public Builder longInt(String name) {
      return add(name, Type.LONG, false);
    }

    /** A double that may be missing (NaN in Java, null in the file). */
    public Builder optionalDouble(String name) {
      return add(name, Type.DOUBLE, true);
    }

    public Builder bool(String name) {
      return add(name, Type.BOOLEAN, false);
    }

    /** A column of any type that may be missing (null in the file). */
    public Builder optional(String name, Type type) {
      return add(name, type, true);
    }

    private Builder add(String name, Type type, boolean nullable) {
      if (columns.stream().anyMatch(c -> c.name().equals(name))) {
        throw new IllegalArgumentException("Cannot declare column " + name + " twice");
      }
      columns.add(new Column(name, type, nullable));
      return this;
    }

    public TableLayout build() {
      return new TableLayout(columns);
    }
  }
}
