package org.staffoutcomes.bundle;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/** Moves a finished bundle into place and repoints {@code latest}, with renames only. */
final class Publisher {

  private Publisher() {}

  /**
   * Renames {@code staging} to {@code <bundlesDir>/<runId>} (an existing folder of that run is
   * moved aside first and deleted afterwards, or restored if the rename fails), then points
   * {@code latest} at it.
   */
  static Path publish(Path bundlesDir, Path staging, String runId) throws IOException {
    Path target = place(bundlesDir, staging, runId);
    pointLatest(bundlesDir, runId);
    return target;
  }

  /**
   * Renames {@code staging} to {@code <bundlesDir>/<runId>} (an existing folder of that run is
   * moved aside first and deleted afterwards, or restored if the rename fails); {@code latest} is
   * left as it is.
   */
  static Path place(Path bundlesDir, Path staging, String runId) throws IOException {
    Path target = bundlesDir.resolve(runId);
    Path old = null;
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      old = bundlesDir.resolve("." + runId + ".old");
      deleteTree(old);
      Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    }
    try {
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      if (old != null) {
        try {
          Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException restore) {
          e.addSuppressed(restore);
        }
      }
      throw e;
    }
    if (old != null) {
      deleteTree(old);
    }
    return target;
  }

  /** Atomically replaces {@code <bundlesDir>/latest} by a relative symlink to {@code runId}. */
  static void pointLatest(Path bundlesDir, String runId) throws IOException {
    Path link = bundlesDir.resolve(BundleWriter.LATEST);
    Path temp = bundlesDir.resolve("." + BundleWriter.LATEST + "." + UUID.randomUUID() + ".tmp");
    Files.createSymbolicLink(temp, Path.of(runId));
    try {
      // rename(2): replaces an existing symlink atomically; ATOMIC_MOVE ignores other options.
      Files.move(temp, link, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  /** Deletes a folder and everything in it without following symlinks; absent is fine. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(dir);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
