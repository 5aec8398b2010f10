package org.staffoutcomes.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** Finds a dataset's files under an input folder and reads them, through Hadoop's file systems. */
public final class InputFiles {

  private InputFiles() {}

  /** Files whose path relative to {@code inputDir} matches {@code pattern} in full, sorted by path. */
  public static List<InputFile> find(String inputDir, Pattern pattern, Configuration conf) {
    Path root = new Path(inputDir);
    List<InputFile> found = new ArrayList<>();
    try {
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        throw new IngestException("Cannot read input folder " + inputDir + ": it does not exist");
      }
      String rootPath = fs.getFileStatus(root).getPath().toUri().getPath();
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        FileStatus status = it.next();
        String full = status.getPath().toUri().getPath();
        String relative = full.substring(rootPath.length()).replaceFirst("^/", "");
        if (pattern.matcher(relative).matches()) {
          found.add(new InputFile(relative, status.getPath().toString(), sha256(status.getPath(), conf),
              status.getLen()));
        }
      }
    } catch (IOException e) {
      throw new IngestException("Cannot list input folder " + inputDir + ": " + e.getMessage(), e);
    }
    found.sort((a, b) -> a.relativePath().compareTo(b.relativePath()));
    return found;
  }

  /** The whole text of a file. */
  public static String read(InputFile file, Charset charset, Configuration conf) {
    Path p = new Path(file.uri());
    try (InputStream in = p.getFileSystem(conf).open(p)) {
      return new String(in.readAllBytes(), charset);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file.relativePath(), e);
    }
  }

  static String sha256(Path p, Configuration conf) throws IOException {
    try (DigestInputStream in = new DigestInputStream(p.getFileSystem(conf).open(p),
        MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
