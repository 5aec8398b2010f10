package org.staffoutcomes.lake;

import org.apache.parquet.column.Dictionary;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;

/**
 * Parquet records assembled straight into {@code Object[]} rows, with no record objects in
 * between: each requested column's value goes into its slot of a new row, typed by the column's
 * {@link ColumnKind}; a dictionary-encoded column's values are decoded once per dictionary, not once
 * per row (a string column of organisation codes is decoded a few hundred times, not once per
 * row). Used by {@link PartFileRows} (Spark's row types) and {@link SmallTables} (plain Java types).
 */
final class RowMaterializer extends RecordMaterializer<Object[]> {

  private final Root root;

  /**
   * @param slots for each requested column (in the requested schema's order), its index in a row
   * @param kinds for each requested column, how its values are typed
   * @param template what a row holds before its columns are read (copied per row; e.g. the
   *     partition values of the file's folders, null elsewhere)
   */
  RowMaterializer(int[] slots, ColumnKind[] kinds, Object[] template) {
    root = new Root(slots, kinds, template);
  }

  @Override
  public Object[] getCurrentRecord() {
    return root.row;
  }

  @Override
  public GroupConverter getRootConverter() {
    return root;
  }

  private static final class Root extends GroupConverter {
    private final Object[] template;
    private final Converter[] fields;
    private Object[] row;

    Root(int[] slots, ColumnKind[] kinds, Object[] template) {
      this.template = template;
      fields = new Converter[slots.length];
      for (int k = 0; k < slots.length; k++) {
        fields[k] = new Field(slots[k], kinds[k]);
      }
    }

    @Override
    public Converter getConverter(int fieldIndex) {
      return fields[fieldIndex];
    }

    @Override
    public void start() {
      row = template.clone();
    }

    @Override
    public void end() {}

    /** One column: its values into the row's slot {@code at}. */
    private final class Field extends PrimitiveConverter {
      private final int at;
      private final ColumnKind kind;
      private Object[] decoded;

      Field(int at, ColumnKind kind) {
        this.at = at;
        this.kind = kind;
      }

      @Override
      public boolean hasDictionarySupport() {
        return true;
      }

      @Override
      public void setDictionary(Dictionary dictionary) {
        decoded = new Object[dictionary.getMaxId() + 1];
        for (int id = 0; id < decoded.length; id++) {
          decoded[id] = decode(kind, dictionary, id);
        }
      }

      @Override
      public void addValueFromDictionary(int dictionaryId) {
        row[at] = decoded[dictionaryId];
      }

      @Override
      public void addBinary(Binary value) {
        row[at] = value.toStringUsingUTF8();
      }

      @Override
      public void addLong(long value) {
        row[at] = value;
      }

      @Override
      public void addInt(int value) {
        row[at] = ofInt(kind, value);
      }

      @Override
      public void addDouble(double value) {
        row[at] = value;
      }

      @Override
      public void addFloat(float value) {
        row[at] = (double) value;
      }

      @Override
      public void addBoolean(boolean value) {
        row[at] = value;
      }
    }
  }

  private static Object ofInt(ColumnKind kind, int value) {
    return switch (kind) {
      case LOCAL_DATE -> java.time.LocalDate.ofEpochDay(value);
      case SQL_DATE -> java.sql.Date.valueOf(java.time.LocalDate.ofEpochDay(value));
      case LONG -> (long) value;
      case DOUBLE, FLOAT -> (double) value;
      default -> value;
    };
  }

  private static Object decode(ColumnKind kind, Dictionary d, int id) {
    return switch (kind) {
      case STRING -> d.decodeToBinary(id).toStringUsingUTF8();
      case LONG -> d.decodeToLong(id);
      case DOUBLE -> d.decodeToDouble(id);
      case FLOAT -> (double) d.decodeToFloat(id);
      case BOOLEAN -> d.decodeToBoolean(id);
      default -> ofInt(kind, d.decodeToInt(id));
    };
  }
}
