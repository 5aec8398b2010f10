package org.staffoutcomes.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.staffoutcomes.config.Settings;
import org.staffoutcomes.config.Workspace;
import org.staffoutcomes.ingest.IngestStage;
import org.staffoutcomes.ingest.InputFile;
import org.staffoutcomes.ingest.InputFiles;
import org.staffoutcomes.lake.LocalFiles;
import org.staffoutcomes.schema.CanonicalJson;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * What the last successful {@code run} was computed from, so that a run with nothing changed does
 * no work: {@code lake/_state/run.json} holds the fingerprint of the project version, the catalog
 * (its settings and every descriptor, question catalogue included) and every input file (path and
 * SHA-256), and the bundle that run published. It is written after the bundle is published, so a
 * run killed before then leaves no record and the next run computes everything again.
 *
 * <p>Needs no Spark session: hashing the inputs is the whole cost of a run with nothing changed.
 *
 * @param fingerprint digest of everything the bundle was computed from
 * @param bundle the run id of the bundle it published
 */
public record RunRecord(String fingerprint, String bundle) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The fingerprint of a run of {@code catalog} with this project version over the input folder
   * {@code listing} lists (its files hashed into the listing, where the run's ingest finds them
   * again).
   */
  public static String fingerprint(Catalog catalog, InputFiles.Listing listing) {
    Configuration conf = LocalFiles.configuration();
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(("staff-outcomes " + Settings.projectVersion() + "\n").getBytes(StandardCharsets.UTF_8));
      digest.update(CanonicalJson.of(new Catalog(catalog.name(), catalog.title(), List.of(),
          catalog.analysis(), catalog.defaults(), catalog.succession(), null, catalog.years(),
          catalog.unknownOrganisations())));
      for (DatasetDescriptor d : catalog.datasets()) {
        List<InputFile> files = InputFiles.find(listing, d.filePattern(), conf);
        digest.update((d.name() + "\0" + IngestStage.fingerprint(d, files) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The record of the last run, if it published the bundle that {@code bundles/latest} still
   * points at (a later {@code render} or a deleted bundle makes it stale).
   */
  public static Optional<RunRecord> current(Workspace workspace) {
    Path file = file(workspace);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      RunRecord r = JSON.readValue(file.toFile(), RunRecord.class);
      Path latest = workspace.latestBundle();
      boolean published = Files.isSymbolicLink(latest)
          && Files.readSymbolicLink(latest).toString().equals(r.bundle())
          && Files.isRegularFile(latest.resolve("index.html"));
      return published ? Optional.of(r) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // unreadable: computed again, which is always safe
    }
  }

  /** Records a published run (written beside and renamed into place). */
  public void write(Workspace workspace) {
    Path file = file(workspace);
    try {
      Files.createDirectories(file.getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this));
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  /** Forgets the last run (before a run starts changing the lake). */
  public static void clear(Workspace workspace) {
    try {
      Files.deleteIfExists(file(workspace));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove " + file(workspace), e);
    }
  }

  static Path file(Workspace workspace) {
    return workspace.root().resolve("lake").resolve("_state").resolve("run.json");
  }
}
