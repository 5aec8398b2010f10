package org.staffoutcomes.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local file system, setting permissions with {@code java.nio} instead of a {@code chmod}
 * process: without Hadoop's native library (not shipped in its client jars) the local file system
 * forks one for every file and folder it creates (part files, their checksums, {@code _SUCCESS},
 * schemas, state files), about 900 in a sample run, which cost a third of its wall time. Used for
 * {@code file:} paths by every Hadoop configuration the project makes ({@link #configuration}, and
 * Spark's through {@code spark.hadoop.fs.file.impl}); Hadoop keeps one file system per scheme and
 * JVM, so whichever configuration first reaches a local path decides for the whole run - which is
 * why no other class makes a configuration of its own ({@code LocalFilesTest}).
 */
public final class LocalFiles extends LocalFileSystem {

  public LocalFiles() {
    super(new Raw());
  }

  /**
   * The Hadoop configuration of a command before (or without) Spark, and of a task reading or
   * writing files itself: Hadoop's defaults and site files, plus every {@code spark.hadoop.*}
   * setting given as a system property (spark-submit passes {@code --conf} that way), as Spark
   * would build it; local paths through this file system unless those name another. A copy of
   * one made once per JVM: a new configuration parses Hadoop's XML files again when first read
   * (about 20 ms of processor time; a sample run asks for one some 200 times).
   */
  public static Configuration configuration() {
    return new Configuration(Base.CONF);
  }

  /** The configuration {@link #configuration()} copies, made when first asked for. */
  private static final class Base {
    static final Configuration CONF = base();

    private static Configuration base() {
      Configuration c = new Configuration();
      String prefix = "spark.hadoop.";
      System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
          .forEach(k -> c.set(k.substring(prefix.length()), System.getProperty(k)));
      use(c);
      c.size(); // reads the XML files now, once, so that copies share what was read
      return c;
    }
  }

  /** {@code conf}, with {@code file:} paths on this file system unless it names another; returns it. */
  public static Configuration use(Configuration conf) {
    conf.setIfUnset("fs.file.impl", LocalFiles.class.getName());
    return conf;
  }

  /** The raw local file system with permissions set in process. */
  static final class Raw extends RawLocalFileSystem {
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
      java.nio.file.Path file = pathToFile(p).toPath();
      try {
        Files.setPosixFilePermissions(file, posix(permission.toShort()));
      } catch (UnsupportedOperationException notPosix) {
        super.setPermission(p, permission);
      }
    }
  }

  /** The owner, group and other read, write and execute bits of a Unix mode. */
  static Set<PosixFilePermission> posix(short mode) {
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    PosixFilePermission[] bits = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
    for (int i = 0; i < bits.length; i++) {
      if ((mode & (1 << i)) != 0) {
        out.add(bits[i]);
      }
    }
    return out;
  }
}
