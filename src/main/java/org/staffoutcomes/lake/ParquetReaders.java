package org.staffoutcomes.lake;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * A Parquet file's record reader, opened through the given configuration only. Parquet's own
 * {@code ParquetReader.builder(readSupport, path)} makes a new Hadoop configuration for every file
 * before {@code withConf} replaces it, and reading its options parses Hadoop's XML files again
 * (about 20 ms of processor time a file; the panel opens some 200 files).
 */
final class ParquetReaders {

  private ParquetReaders() {}

  static <T> ParquetReader<T> open(ReadSupport<T> support, Path file, Configuration conf) throws IOException {
    return new Builder<>(support, HadoopInputFile.fromPath(file, conf)).build();
  }

  private static final class Builder<T> extends ParquetReader.Builder<T> {
    private final ReadSupport<T> support;

    Builder(ReadSupport<T> support, HadoopInputFile file) {
      super(file);
      this.support = support;
    }

    @Override
    protected ReadSupport<T> getReadSupport() {
      return support;
    }
  }
}
