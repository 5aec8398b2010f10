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
import org.staffoutcomes.config.Settings;

/**
 * The "done" records of the stages after ingest, {@code lake/_state/stages/<stage>.json}: what a
 * stage's outputs were computed from, so that a {@code run} redoes a stage exactly when what it
 * would read now differs from what it read then (ingest keeps its own per-dataset record, {@code
 * lake/_state/<dataset>.json}).
 *
 * <p>A stage's inputs are a digest of the project version, the stage's name and the parts it
 * reads: the catalog's content and the records of the stages upstream (each of which names what
 * that stage's outputs were computed from, down to the input files' SHA-256). The rules:
 *
 * <ol>
 *   <li>a stage {@link #forget forgets} its record before it starts replacing its outputs, and
 *       {@link #write writes} it only once they are all in place: a stage killed in between has no
 *       record and is done again;
 *   <li>a stage is {@link #current current} only when its record exists and names the same inputs
 *       as it would read now;
 *   <li>when an upstream record is missing, the inputs are unknown ({@link #inputs} gives null)
 *       and nothing is current: what a stage read cannot be vouched for.
 * </ol>
 *
 * <p>Plain files (no Spark), each written beside and renamed into place.
 *
 * @see RunRecord the whole run's fingerprint, which lets a run with nothing changed exit at once
 */
public final class StageRecords {

  /** A stage's record: its name, the digest of what it read, and for render the bundle it published. */
  public record Entry(String stage, String inputs, String bundle) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  /** The records of the work folder {@code workdir}. */
  public StageRecords(Path workdir) {
    this.dir = workdir.toAbsolutePath().resolve("lake").resolve("_state").resolve("stages");
  }

  /**
   * The inputs digest of {@code stage} over {@code parts} (in order), with the project version;
   * null when any part is null (an upstream stage has no record).
   */
  public static String inputs(String stage, List<String> parts) {
    for (String part : parts) {
      if (part == null) {
        return null;
      }
    }
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(("staff-outcomes " + Settings.projectVersion() + "\n" + stage + "\n").getBytes(StandardCharsets.UTF_8));
      for (String part : parts) {
        digest.update((part.length() + ":" + part + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The record of {@code stage}, if it finished; an unreadable record counts as none. */
  public Optional<Entry> read(String stage) {
    Path file = file(stage);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      Entry e = JSON.readValue(file.toFile(), Entry.class);
      return e.stage() != null && e.stage().equals(stage) && e.inputs() != null ? Optional.of(e) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // done again, which is always safe
    }
  }

  /** The digest of what {@code stage} last read to completion, or null when it has no record. */
  public String inputsOf(String stage) {
    return read(stage).map(Entry::inputs).orElse(null);
  }

  /** True when {@code stage} finished from exactly {@code inputs} (never when {@code inputs} is null). */
  public boolean current(String stage, String inputs) {
    return inputs != null && read(stage).map(e -> e.inputs().equals(inputs)).orElse(false);
  }

  /** Before {@code stage} replaces any of its outputs: from now on it counts as not done. */
  public void forget(String stage) {
    try {
      Files.deleteIfExists(file(stage));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove " + file(stage), e);
    }
  }

  /**
   * After all of {@code stage}'s outputs are in place: it was computed from {@code inputs} (null:
   * unknown, so no record is kept and the stage is done again next time).
   */
  public void write(String stage, String inputs, String bundle) {
    if (inputs == null) {
      forget(stage);
      return;
    }
    Path file = file(stage);
    try {
      Files.createDirectories(dir);
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(new Entry(stage, inputs, bundle)));
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  private Path file(String stage) {
    if (!stage.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("Invalid stage name for a record: " + stage);
    }
    return dir.resolve(stage + ".json");
  }
}
