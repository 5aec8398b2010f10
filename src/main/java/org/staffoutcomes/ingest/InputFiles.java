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
import org.apache.hadoop.fs.Path;

/** Finds a dataset's files under an input folder and reads them, through Hadoop's file systems. */
public final class InputFiles {

  private InputFiles() {}

  /**
   * The files of a listing (see {@link #list}) whose relative path matches, hashed, sorted by
   * path; each with the size it had when hashed (which may differ from the listing's). A file is
   * hashed once per listing: a run's no-change check and its ingest read each file's hash from
   * the same listing instead of reading every input file twice.
   */
  public static List<InputFile> find(Listing listing, Pattern pattern, Configuration conf) {
    List<InputFile> found = new ArrayList<>();
    for (Listed f : listing.files()) {
      if (pattern.matcher(f.relativePath()).matches()) {
        Digest digest = listing.digests.computeIfAbsent(f.uri(), uri -> {
          try {
            return digest(new Path(uri), conf);
          } catch (IOException e) {
            throw new IngestException("Cannot read an input file: " + e.getMessage(), e);
          }
        });
        found.add(new InputFile(f.relativePath(), f.uri(), digest.sha256(), digest.bytes()));
      }
    }
    return found;
  }

  /** A file under the input folder: its path relative to the folder, where it is, its size. */
  public record Listed(String relativePath, String uri, long bytes) {}

  /**
   * The files under an input folder as listed once, sorted by relative path, and the hash of each
   * file {@link #find} has read (kept for as long as the listing: one run).
   */
  public static final class Listing {
    private final List<Listed> files;
    private final java.util.Map<String, Digest> digests = new java.util.concurrent.ConcurrentHashMap<>();

    Listing(List<Listed> files) {
      this.files = List.copyOf(files);
    }

    public List<Listed> files() {
      return files;
    }
  }

  /**
   * Every file under {@code inputDir}, sorted by relative path. Walked with {@code listStatus}: the
   * recursive {@code listFiles} of Hadoop's local file system forks a shell per file to read its
   * permissions, which cost seconds per dataset on a folder of a few hundred files.
   */
  public static Listing list(String inputDir, Configuration conf) {
    Path root = new Path(inputDir);
    List<Listed> out = new ArrayList<>();
    try {
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        throw new IngestException("Cannot read input folder " + inputDir + ": it does not exist");
      }
      String rootPath = fs.getFileStatus(root).getPath().toUri().getPath();
      java.util.ArrayDeque<Path> folders = new java.util.ArrayDeque<>();
      folders.add(root);
      while (!folders.isEmpty()) {
        for (FileStatus status : fs.listStatus(folders.poll())) {
          if (status.isDirectory()) {
            folders.add(status.getPath());
          } else {
            String full = status.getPath().toUri().getPath();
            out.add(new Listed(full.substring(rootPath.length()).replaceFirst("^/", ""), status.getPath().toString(),
                status.getLen()));
          }
        }
      }
    } catch (IOException e) {
      throw new IngestException("Cannot list input folder " + inputDir + ": " + e.getMessage(), e);
    }
    out.sort((a, b) -> a.relativePath().compareTo(b.relativePath()));
    return new Listing(out);
  }

  /**
   * A buffered reader of a file in its declared encoding that remembers bytes it cannot decode
   * (the parser quarantines their records), and throws {@link IngestException} when the file
   * ends at another size than it was listed with (it changed while being read); the caller
   * closes it.
   */
  public static java.io.Reader reader(InputFile file, Charset charset, Configuration conf) {
    Path p = new Path(file.uri());
    try {
      return new DecodingReader(p.getFileSystem(conf).open(p), charset, file.relativePath(), file.bytes());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file.relativePath(), e);
    }
  }

  /** The first characters of a file (up to 1 MB): enough for its header, without reading it all. */
  public static String head(InputFile file, Charset charset, Configuration conf) {
    Path p = new Path(file.uri());
    try (InputStream in = p.getFileSystem(conf).open(p)) {
      return new String(in.readNBytes(1 << 20), charset);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file.relativePath(), e);
    }
  }

  /** A file's SHA-256 and how many bytes it was computed over. */
  private record Digest(String sha256, long bytes) {}

  private static Digest digest(Path p, Configuration conf) throws IOException {
    try (DigestInputStream in = new DigestInputStream(p.getFileSystem(conf).open(p),
        MessageDigest.getInstance("SHA-256"))) {
      long bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
      return new Digest(HexFormat.of().formatHex(in.getMessageDigest().digest()), bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
