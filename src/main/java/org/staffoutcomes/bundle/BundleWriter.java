package org.staffoutcomes.bundle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.staffoutcomes.charts.ChartCsv;

/**
 * Writes one run's bundle, {@code <bundlesDir>/<runId>/} with {@code index.html},
 * {@code manifest.json}, {@code charts/*.png} and {@code data/*.csv}, and publishes it:
 *
 * <ol>
 *   <li>everything is written into {@code <bundlesDir>/.<runId>.tmp} (removed first if a crashed
 *       run left it);
 *   <li>it is renamed to {@code <bundlesDir>/<runId>}, replacing a bundle of the same run id;
 *   <li>{@code <bundlesDir>/latest} is pointed at it: a relative symlink made under a temporary
 *       name and renamed over the old one, so readers see either the old or the new target.
 * </ol>
 *
 * If anything fails before step 2 the temporary folder is removed and neither the run's folder
 * nor {@code latest} changes. Every file of the bundle is made 0644 and every folder 0755 before
 * step 2. Needs a file system with symbolic links (Linux, macOS).
 */
public final class BundleWriter {

  /** Name of the symlink to the most recently published bundle. */
  public static final String LATEST = "latest";
  public static final String CORRELATIONS_CSV = "data/correlations.csv";
  public static final String TRENDS_CSV = "data/trends.csv";
  public static final String QUARANTINE_CSV = "data/quarantine.csv";
  public static final String UNKNOWN_ORGANISATIONS_CSV = "data/unknown_organisations.csv";

  /** Files of a published bundle: {@code rw-r--r--}; its folders: {@code rwxr-xr-x}. */
  static final Set<PosixFilePermission> FILE_MODE = PosixFilePermissions.fromString("rw-r--r--");
  static final Set<PosixFilePermission> FOLDER_MODE = PosixFilePermissions.fromString("rwxr-xr-x");

  private final Path bundlesDir;

  public BundleWriter(Path bundlesDir) {
    this.bundlesDir = Objects.requireNonNull(bundlesDir, "bundlesDir");
  }

  /**
   * Builds and publishes the bundle of {@code run}.
   *
   * @param charts renders the charts into the bundle; may add none
   * @return the published folder {@code <bundlesDir>/<runId>}
   * @throws IOException if writing or publishing fails; {@code latest} is then unchanged
   */
  public Path write(RunInfo run, BundleData data, ChartStep charts) throws IOException {
    Path folder = writeUnpublished(run, data, charts);
    Publisher.pointLatest(bundlesDir, run.runId());
    return folder;
  }

  /**
   * Builds the bundle of {@code run} and moves it into place as {@code <bundlesDir>/<runId>}
   * without pointing {@code latest} at it: {@link #publish} does that once the run may publish.
   *
   * @return the folder {@code <bundlesDir>/<runId>}
   * @throws IOException if writing fails; nothing but a leftover staging folder is then changed
   */
  public Path writeUnpublished(RunInfo run, BundleData data, ChartStep charts) throws IOException {
    Objects.requireNonNull(run, "run");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(charts, "charts");
    Files.createDirectories(bundlesDir);
    Path staging = bundlesDir.resolve("." + run.runId() + ".tmp");
    Publisher.deleteTree(staging);
    try {
      build(run, data, charts, staging);
      return Publisher.place(bundlesDir, staging, run.runId());
    } catch (IOException | RuntimeException | Error e) {
      try {
        Publisher.deleteTree(staging);
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /** A bundle's folder name: a run id, {@code 20260501T020000Z}, {@code -2}, {@code -3}, ... when taken. */
  private static final Pattern RUN_FOLDER = Pattern.compile("(\\d{8}T\\d{6}Z)(?:-(\\d+))?");

  /** Oldest first: by start time, then by the number a same-second run added. */
  private static final Comparator<String> OLDEST_FIRST = Comparator
      .comparing((String id) -> runId(id).group(1))
      .thenComparingInt(id -> runId(id).group(2) == null ? 1 : Integer.parseInt(runId(id).group(2)));

  private static Matcher runId(String name) {
    Matcher m = RUN_FOLDER.matcher(name);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a run id: " + name);
    }
    return m;
  }

  /**
   * Removes all but the newest {@code keep} bundles, never the one {@code latest} points to; only
   * folders named as run ids are considered. Each goes by a rename to {@code .<runId>.pruned}
   * first, so a bundle is there whole or not at all (a leftover of a killed prune is removed
   * next time).
   *
   * @return the run ids removed, oldest first
   */
  public List<String> prune(int keep) throws IOException {
    if (keep < 1) {
      throw new IllegalArgumentException("keep at least 1 bundle, was " + keep);
    }
    if (!Files.isDirectory(bundlesDir)) {
      return List.of();
    }
    Path latest = latest();
    String current = Files.isSymbolicLink(latest) ? Files.readSymbolicLink(latest).getFileName().toString() : null;
    List<String> runs;
    try (Stream<Path> all = Files.list(bundlesDir)) {
      List<Path> entries = all.toList();
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") && name.endsWith(".pruned")) {
          Publisher.deleteTree(p);
        }
      }
      runs = entries.stream().filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> p.getFileName().toString()).filter(n -> RUN_FOLDER.matcher(n).matches())
          .sorted(OLDEST_FIRST).toList();
    }
    List<String> removed = new ArrayList<>();
    for (String id : runs.subList(0, Math.max(0, runs.size() - keep))) {
      if (!id.equals(current)) {
        Path aside = bundlesDir.resolve("." + id + ".pruned");
        Files.move(bundlesDir.resolve(id), aside, StandardCopyOption.ATOMIC_MOVE);
        Publisher.deleteTree(aside);
        removed.add(id);
      }
    }
    return removed;
  }

  /** Points {@code latest} at the bundle of {@code runId}, written by {@link #writeUnpublished}. */
  public void publish(String runId) throws IOException {
    if (!Files.isRegularFile(bundlesDir.resolve(runId).resolve(IndexPage.FILE_NAME))) {
      throw new IllegalArgumentException("Cannot publish bundle " + runId + ": it has not been written");
    }
    Publisher.pointLatest(bundlesDir, runId);
  }

  /** The folder a published run lives in (it may not exist). */
  public Path runFolder(String runId) {
    return bundlesDir.resolve(runId);
  }

  /** {@code <bundlesDir>/latest}. */
  public Path latest() {
    return bundlesDir.resolve(LATEST);
  }

  private static void build(RunInfo run, BundleData data, ChartStep charts, Path staging)
      throws IOException {
    Files.createDirectories(staging.resolve(BundleFolder.CHARTS));
    Files.createDirectories(staging.resolve(BundleFolder.DATA));
    ChartCsv.writeCorrelations(data.correlations(), staging.resolve(CORRELATIONS_CSV));
    ChartCsv.writeTrends(data.trends(), staging.resolve(TRENDS_CSV));
    String quarantineHref = null;
    if (data.quarantineCsv() != null) {
      Files.copy(data.quarantineCsv(), staging.resolve(QUARANTINE_CSV),
          StandardCopyOption.REPLACE_EXISTING);
      quarantineHref = QUARANTINE_CSV;
    }
    if (!data.unknownOrganisations().isEmpty()) {
      ChartCsv.writeUnknownOrganisations(data.unknownOrganisations(), staging.resolve(UNKNOWN_ORGANISATIONS_CSV));
    }
    BundleFolder folder = new BundleFolder(staging);
    charts.render(folder);
    List<BundleChart> added = folder.charts();
    Files.writeString(staging.resolve(IndexPage.FILE_NAME),
        IndexPage.render(run, added, quarantineHref, data, folder.pages()), StandardCharsets.UTF_8);
    Manifest.write(run, added, data.verdict(), staging);
    readableByAll(staging);
  }

  /**
   * Makes every file of the bundle 0644 and every folder 0755, whatever the process's umask or
   * how a file was made (a temporary file is 0600), so the bundle's group and web server can read
   * it. Nothing to do on a file system without POSIX permissions.
   */
  static void readableByAll(Path root) throws IOException {
    if (!Files.getFileStore(root).supportsFileAttributeView(PosixFileAttributeView.class)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        if (!Files.isSymbolicLink(p)) {
          Files.setPosixFilePermissions(p, Files.isDirectory(p) ? FOLDER_MODE : FILE_MODE);
        }
      }
    }
  }
}
