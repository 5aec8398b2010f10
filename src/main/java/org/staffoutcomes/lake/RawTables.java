package org.staffoutcomes.lake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Reads a lake table of ingested rows without Spark: how many rows it holds, per year its period
 * starts ({@code year=YYYY} partitions), from the Parquet footers alone; and the distinct values of
 * one column, reading that column only. The publish checks compare the counts with those the
 * published bundle recorded; the analysis reads the organisation codes the references know.
 */
public final class RawTables {

  private static final String YEAR_PARTITION = "year=";

  private RawTables() {}

  /**
   * Rows per year of the table at {@code table} (a lake URI), years with rows only; empty for a
   * table without year partitions (reference data: see {@link #total}) or one that does not exist.
   */
  public static SortedMap<Integer, Long> perYear(String table) {
    SortedMap<Integer, Long> years = new TreeMap<>();
    Path dir = new Path(table);
    Configuration conf = LocalFiles.configuration();
    try {
      FileSystem fs = dir.getFileSystem(conf);
      if (!fs.exists(dir)) {
        return years;
      }
      for (FileStatus f : fs.listStatus(dir, RawTables::visible)) {
        String name = f.getPath().getName();
        if (f.isDirectory() && name.startsWith(YEAR_PARTITION) && name.substring(YEAR_PARTITION.length()).matches("\\d{1,9}")) {
          long rows = rows(fs, f.getPath(), conf);
          if (rows > 0) {
            years.merge(Integer.parseInt(name.substring(YEAR_PARTITION.length())), rows, Long::sum);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot count the rows of " + table, e);
    }
    return years;
  }

  /** Every row of the table at {@code table}, partitions included; 0 when it does not exist. */
  public static long total(String table) {
    Path dir = new Path(table);
    Configuration conf = LocalFiles.configuration();
    try {
      FileSystem fs = dir.getFileSystem(conf);
      return fs.exists(dir) ? rows(fs, dir, conf) : 0;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot count the rows of " + table, e);
    }
  }

  /**
   * The distinct {@code column} values (e.g. the source file) of one year's rows, sorted, at most
   * {@code limit}: to name the files behind a year that should not be there.
   */
  public static SortedSet<String> values(String table, int year, String column, int limit) {
    return values(new Path(table, YEAR_PARTITION + year), column, limit);
  }

  /** The distinct values of a text column of the whole table, sorted; empty when it does not exist. */
  public static SortedSet<String> values(String table, String column) {
    return values(new Path(table), column, Integer.MAX_VALUE);
  }

  private static SortedSet<String> values(Path dir, String column, int limit) {
    SortedSet<String> out = new TreeSet<>();
    Configuration conf = LocalFiles.configuration();
    try {
      FileSystem fs = dir.getFileSystem(conf);
      if (!fs.exists(dir)) {
        return out;
      }
      for (Path file : parquetFiles(fs, dir)) {
        MessageType schema;
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
          schema = reader.getFooter().getFileMetaData().getSchema();
        }
        if (!schema.containsField(column)) {
          return out;
        }
        Configuration projected = new Configuration(conf);
        projected.set(ReadSupport.PARQUET_READ_SCHEMA, new MessageType("projection", schema.getType(column)).toString());
        try (ParquetReader<Group> reader = ParquetReaders.open(new GroupReadSupport(), file, projected)) {
          for (Group g = reader.read(); g != null && out.size() < limit; g = reader.read()) {
            if (g.getFieldRepetitionCount(column) > 0) {
              out.add(g.getString(column, 0));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + column + " of " + dir, e);
    }
    return out;
  }

  /** Rows of every Parquet file under {@code dir}, by the record counts in their footers. */
  private static long rows(FileSystem fs, Path dir, Configuration conf) throws IOException {
    long n = 0;
    for (Path file : parquetFiles(fs, dir)) {
      try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
        n += reader.getRecordCount();
      }
    }
    return n;
  }

  private static List<Path> parquetFiles(FileSystem fs, Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    for (FileStatus f : fs.listStatus(dir, RawTables::visible)) {
      if (f.isDirectory()) {
        out.addAll(parquetFiles(fs, f.getPath()));
      } else if (f.getPath().getName().endsWith(".parquet")) {
        out.add(f.getPath());
      }
    }
    return out;
  }

  private static boolean visible(Path p) {
    return !p.getName().startsWith("_") && !p.getName().startsWith(".");
  }
}
