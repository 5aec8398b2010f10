package org.staffoutcomes.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The rows of one part file of a lake table, read in plain Java (parquet-hadoop, no Spark SQL, no
 * generated code): for an executor task that reads one file, e.g. scoring respondent microdata.
 * A row is an {@code Object[]} in the table's read schema order ({@link Lake#readSchema}: data
 * columns, then partition columns), holding only the columns asked for (others null) and the
 * partition values taken from the file's {@code col=value} folders. Values are typed as Spark's
 * {@code Row} types them (String, Long, Integer, Double, Boolean, java.sql.Date), assembled by
 * {@link RowMaterializer}.
 */
public final class PartFileRows {

  private PartFileRows() {}

  /** Every Parquet part file of the table at {@code table}, sorted by path; empty when it does not exist. */
  public static List<String> list(String table, Configuration conf) {
    return listing(table, conf).files();
  }

  /**
   * A table's part files as {@link #list} gives them, and their size in bytes together.
   *
   * @param files sorted by path
   */
  public record Listing(List<String> files, long bytes) {}

  /** {@link #list}, with the files' total size from the same listing. */
  public static Listing listing(String table, Configuration conf) {
    Path dir = new Path(table);
    List<FileStatus> found = new ArrayList<>();
    try {
      FileSystem fs = dir.getFileSystem(LocalFiles.use(conf));
      if (fs.exists(dir)) {
        collect(fs, dir, found);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the files of " + table, e);
    }
    List<String> files = new ArrayList<>();
    long bytes = 0;
    for (FileStatus f : found) {
      files.add(f.getPath().toString());
      bytes += f.getLen();
    }
    files.sort(null);
    return new Listing(files, bytes);
  }

  private static void collect(FileSystem fs, Path dir, List<FileStatus> out) throws IOException {
    for (FileStatus f : fs.listStatus(dir)) {
      String name = f.getPath().getName();
      if (name.startsWith("_") || name.startsWith(".")) {
        continue;
      }
      if (f.isDirectory()) {
        collect(fs, f.getPath(), out);
      } else if (name.endsWith(".parquet")) {
        out.add(f);
      }
    }
  }

  /**
   * The rows of {@code file} (one of {@link #list}'s), streamed: the file is closed when the
   * iterator is exhausted. Each row array is new (the caller may keep it).
   *
   * @param schema the table's read schema
   * @param columns the data columns to read (any partition column is always filled)
   */
  public static Iterator<Object[]> read(String file, StructType schema, Set<String> columns, Configuration conf) {
    Object[] partitions = new Object[schema.fields().length];
    // The partition folders are the file's parents named col=value, up to the table's folder.
    for (Path dir = new Path(file).getParent(); dir != null && dir.getName().indexOf('=') > 0; dir = dir.getParent()) {
      String part = dir.getName();
      int eq = part.indexOf('=');
      String name = ExternalCatalogUtils.unescapePathName(part.substring(0, eq));
      if (schema.getFieldIndex(name).isDefined()) {
        int i = schema.fieldIndex(name);
        String text = ExternalCatalogUtils.unescapePathName(part.substring(eq + 1));
        partitions[i] = text.equals(ExternalCatalogUtils.DEFAULT_PARTITION_NAME()) ? null
            : partitionValue(schema.fields()[i], text);
      }
    }
    ParquetReader<Object[]> reader;
    try {
      reader = ParquetReaders.open(new Support(schema, columns, partitions), new Path(file), LocalFiles.use(conf));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open " + file, e);
    }
    return new Iterator<>() {
      private Object[] next;
      private boolean done;

      @Override
      public boolean hasNext() {
        if (next == null && !done) {
          try {
            next = reader.read();
            if (next == null) {
              done = true;
              reader.close();
            }
          } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
          }
        }
        return next != null;
      }

      @Override
      public Object[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Object[] r = next;
        next = null;
        return r;
      }
    };
  }

  private static Object partitionValue(StructField f, String text) {
    DataType t = f.dataType();
    if (t.equals(DataTypes.IntegerType)) {
      return Integer.valueOf(text);
    } else if (t.equals(DataTypes.LongType)) {
      return Long.valueOf(text);
    } else if (t.equals(DataTypes.StringType)) {
      return text;
    } else if (t.equals(DataTypes.DateType)) {
      return java.sql.Date.valueOf(text);
    }
    throw new IllegalArgumentException("Cannot read partition column " + f.name() + " of type " + t.simpleString());
  }

  /** Asks Parquet for the wanted columns only, and assembles each record into an array. */
  private static final class Support extends ReadSupport<Object[]> {
    private final StructType schema;
    private final Set<String> columns;
    private final Object[] partitions;

    Support(StructType schema, Set<String> columns, Object[] partitions) {
      this.schema = schema;
      this.columns = columns;
      this.partitions = partitions;
    }

    @Override
    public ReadContext init(InitContext context) {
      List<Type> wanted = new ArrayList<>();
      for (Type t : context.getFileSchema().getFields()) {
        if (columns.contains(t.getName())) {
          wanted.add(t);
        }
      }
      return new ReadContext(new MessageType(context.getFileSchema().getName(), wanted));
    }

    @Override
    public RecordMaterializer<Object[]> prepareForRead(Configuration conf, Map<String, String> keyValueMetaData,
        MessageType fileSchema, ReadContext readContext) {
      MessageType requested = readContext.getRequestedSchema();
      int[] slots = new int[requested.getFieldCount()];
      ColumnKind[] kinds = new ColumnKind[slots.length];
      for (int k = 0; k < slots.length; k++) {
        slots[k] = schema.fieldIndex(requested.getFieldName(k));
        // A column of another type is read as its INT32 value.
        kinds[k] = PartFiles.kind(schema.fields()[slots[k]]).orElse(ColumnKind.INT);
      }
      return new RowMaterializer(slots, kinds, partitions);
    }
  }
}
