package org.staffoutcomes.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a killed command leaves in a work folder, put right by the next command before it does
 * anything else (it holds the folder's lock, so no other command is writing):
 *
 * <ul>
 *   <li>a lake table swap cut short ({@code <table>.old} beside the table, see {@code
 *       lake.TableFiles#swapIn}): when the table is there, the swap had finished and {@code .old}
 *       is removed; when it is not, the swap is finished if {@code <table>.staging} was complete
 *       (its {@code _schema.json}, written last, is there), else the old table is restored;
 *   <li>{@code <table>.staging} folders of tables being written;
 *   <li>half-written records ({@code lake/_state/*.tmp}, {@code lake/_state/stages/*.tmp});
 *   <li>in {@code bundles/}: {@code .<run-id>.tmp} (a bundle being written), {@code .<run-id>.old}
 *       (restored when {@code <run-id>} is missing, else removed), {@code .latest.*.tmp} (a link
 *       being switched);
 *   <li>{@code .write-check-*.tmp} probes of the writable check.
 * </ul>
 *
 * <p>Leftovers never count as done: every stage's record was removed before it started replacing
 * its outputs, so whatever was restored or removed is computed again where stale. Plain files, no
 * Spark.
 */
public final class Leftovers {

  private static final String OLD = ".old";
  private static final String STAGING = ".staging";
  private static final String SCHEMA_FILE = "_schema.json";

  /**
   * What was put right.
   *
   * @param restored swaps finished or undone, e.g. {@code lake/panel (from lake/panel.old)}
   * @param removed leftovers deleted, as paths relative to the work folder
   */
  public record Report(List<String> restored, List<String> removed) {

    public boolean isEmpty() {
      return restored.isEmpty() && removed.isEmpty();
    }

    /** One line: what was restored and removed. */
    public String describe() {
      List<String> parts = new ArrayList<>();
      if (!restored.isEmpty()) {
        parts.add("restored " + String.join(", ", restored));
      }
      if (!removed.isEmpty()) {
        parts.add("removed " + String.join(", ", removed));
      }
      return "an interrupted run left its work unfinished: " + String.join("; ", parts);
    }
  }

  private final Path root;
  private final List<String> restored = new ArrayList<>();
  private final List<String> removed = new ArrayList<>();

  private Leftovers(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** Puts right what killed commands left in the work folder {@code workdir}. */
  public static Report clean(Path workdir) {
    Leftovers l = new Leftovers(workdir);
    try {
      l.lake(l.root.resolve("lake"));
      l.bundles(l.root.resolve("bundles"));
      for (Path dir : List.of(l.root, l.root.resolve("lake"), l.root.resolve("lake/_state"), l.root.resolve("bundles"))) {
        l.removeFiles(dir, name -> name.startsWith(".write-check-") && name.endsWith(".tmp"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot clean up what an interrupted run left in " + l.root + ": "
          + e.getMessage(), e);
    }
    return new Report(List.copyOf(l.restored), List.copyOf(l.removed));
  }

  private void lake(Path lake) throws IOException {
    if (!Files.isDirectory(lake, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    // Tables sit at lake/<table> and lake/<area>/<table>; never look inside a table.
    List<Path> folders = new ArrayList<>();
    for (Path area : list(lake)) {
      if (Files.isDirectory(area, LinkOption.NOFOLLOW_LINKS)) {
        folders.add(area);
        if (!isTableName(area)) {
          list(area).stream().filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).forEach(folders::add);
        }
      }
    }
    for (Path old : folders) {
      if (old.getFileName().toString().endsWith(OLD)) {
        finishSwap(old);
      }
    }
    for (Path staging : folders) {
      if (staging.getFileName().toString().endsWith(STAGING) && Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
        delete(staging);
      }
    }
    Path state = lake.resolve("_state");
    removeFiles(state, name -> name.endsWith(".tmp") || name.endsWith(".tmp.crc"));
    removeFiles(state.resolve("stages"), name -> name.endsWith(".tmp"));
  }

  /** True for a folder that is (or is being swapped in as) a table rather than a folder of tables. */
  private static boolean isTableName(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(OLD) || name.endsWith(STAGING) || name.equals("panel") || name.startsWith("_");
  }

  /** A table's {@code .old}: the swap is finished (or undone) so that the table is whole again. */
  private void finishSwap(Path old) throws IOException {
    String name = old.getFileName().toString();
    Path table = old.resolveSibling(name.substring(0, name.length() - OLD.length()));
    Path staging = old.resolveSibling(table.getFileName() + STAGING);
    if (Files.exists(table, LinkOption.NOFOLLOW_LINKS)) {
      delete(old);
      return;
    }
    if (Files.isRegularFile(staging.resolve(SCHEMA_FILE), LinkOption.NOFOLLOW_LINKS)) {
      Files.move(staging, table, StandardCopyOption.ATOMIC_MOVE);
      restored.add(relative(table) + " (swap finished from " + relative(staging) + ")");
      delete(old);
    } else {
      Files.move(old, table, StandardCopyOption.ATOMIC_MOVE);
      restored.add(relative(table) + " (from " + relative(old) + ")");
    }
  }

  private void bundles(Path bundles) throws IOException {
    if (!Files.isDirectory(bundles, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    for (Path p : list(bundles)) {
      String name = p.getFileName().toString();
      if (!name.startsWith(".")) {
        continue;
      }
      if (name.endsWith(".tmp")) { // a bundle being written, or a .latest.<uuid>.tmp link
        delete(p);
      } else if (name.endsWith(OLD)) {
        Path bundle = bundles.resolve(name.substring(1, name.length() - OLD.length()));
        if (Files.exists(bundle, LinkOption.NOFOLLOW_LINKS)) {
          delete(p);
        } else {
          Files.move(p, bundle, StandardCopyOption.ATOMIC_MOVE);
          restored.add(relative(bundle) + " (from " + relative(p) + ")");
        }
      }
    }
  }

  private void removeFiles(Path dir, java.util.function.Predicate<String> matches) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    for (Path p : list(dir)) {
      if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && matches.test(p.getFileName().toString())) {
        delete(p);
      }
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  private String relative(Path p) {
    return root.relativize(p).toString();
  }

  /** Deletes a file, link or folder tree without following links, deepest first. */
  private void delete(Path top) throws IOException {
    List<Path> all;
    try (Stream<Path> s = Files.walk(top)) {
      all = s.sorted(java.util.Comparator.reverseOrder()).toList();
    }
    for (Path p : all) {
      Files.delete(p);
    }
    removed.add(relative(top));
  }
}
