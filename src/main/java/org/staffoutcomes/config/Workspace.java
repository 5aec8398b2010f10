package org.staffoutcomes.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The folders of one work directory. Users' scripts rely on {@code bundles/latest/}.
 *
 * <pre>
 * DIR/landing/          input files (the sample generator writes here; the default --input)
 * DIR/lake/             the Parquet lake (see Lake)
 * DIR/bundles/&lt;run&gt;/    one chart bundle per run
 * DIR/bundles/latest    the newest complete bundle
 * DIR/history.jsonl     one line per command run on the folder
 * DIR/.lock             who is running on the folder now (empty when nobody is)
 * </pre>
 */
public record Workspace(Path root) {

  public Workspace {
    root = root.toAbsolutePath().normalize();
  }

  public Path landing() {
    return root.resolve("landing");
  }

  public Path bundles() {
    return root.resolve("bundles");
  }

  public Path latestBundle() {
    return bundles().resolve("latest");
  }

  /** The run history, one JSON line per command. */
  public Path history() {
    return root.resolve("history.jsonl");
  }

  /** The lock naming the process that works on the folder now. */
  public Path lockFile() {
    return root.resolve(".lock");
  }

  /** Bytes written (and removed) to prove a folder takes writes: a full disk fails it. */
  private static final int PROBE_BYTES = 64 * 1024;

  /**
   * Checks, before any work, that the folder (made if missing) and the folders a run writes to
   * that already exist ({@code lake/}, {@code lake/_state/}, {@code bundles/}) take a new file:
   * one is written and removed in each.
   *
   * @throws WorkFolderException naming the folder and why (read-only, permission denied, no space
   *     left, not a folder)
   */
  public void requireWritable() {
    Path at = root;
    try {
      Files.createDirectories(root);
      for (Path dir : List.of(root, root.resolve("lake"), root.resolve("lake/_state"), bundles())) {
        at = dir;
        if (dir == root || Files.exists(dir)) {
          Path probe = Files.createTempFile(dir, ".write-check-", ".tmp");
          try {
            Files.write(probe, new byte[PROBE_BYTES]);
          } finally {
            Files.deleteIfExists(probe);
          }
        }
      }
    } catch (IOException e) {
      throw new WorkFolderException("Cannot write to the work folder " + at + ": " + reason(e)
          + "; nothing was done", e);
    }
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.FileAlreadyExistsException || e instanceof java.nio.file.NotDirectoryException) {
      return "it is not a folder";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }
}
