package org.staffoutcomes.lake;

import com.fasterxml.jackson.core.type.TypeReference;
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
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a stage last computed, unit by unit (an association of the analysis, a chart of the
 * render), and the digest of each unit's inputs: a {@code run} after one dataset changed takes
 * every unit whose inputs are the same from the last run and computes only the others.
 *
 * <p>A unit's digest covers everything its result is a function of (see the stage's own key), and
 * the project version and the catalog; a unit that is not in the memo, or whose digest differs, is
 * computed. The stage removes its memo before it replaces any of the outputs the memo describes
 * and writes it again once they are all in place, so a killed run leaves no memo, never a stale one.
 * A file that cannot be read counts as no memo (everything is computed, which is always safe).
 *
 * @param units each unit's name and its values (at least {@link #KEY}, the digest of its inputs)
 */
public record UnitMemo(Map<String, Map<String, String>> units) {

  /** The value holding the digest of a unit's inputs. */
  public static final String KEY = "key";

  private static final ObjectMapper JSON = new ObjectMapper();

  public UnitMemo {
    units = new TreeMap<>(units);
  }

  /** An empty memo, to fill and write. */
  public static UnitMemo empty() {
    return new UnitMemo(Map.of());
  }

  /** The memo at {@code file}; empty when there is none or it cannot be read. */
  public static UnitMemo read(Path file) {
    if (!Files.isRegularFile(file)) {
      return empty();
    }
    try {
      Map<String, Map<String, String>> units = JSON.readValue(file.toFile(),
          new TypeReference<Map<String, Map<String, String>>>() {});
      return units == null ? empty() : new UnitMemo(units);
    } catch (IOException e) {
      return empty();
    }
  }

  /** Removes the memo at {@code file} (before the outputs it describes are replaced). */
  public static void forget(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot remove " + file, e);
    }
  }

  /** Writes this memo to {@code file} at once (a temporary file moved over it). */
  public void write(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Path temp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.write(temp, JSON.writeValueAsBytes(units));
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  /** The unit's values when it was computed from inputs with digest {@code key}; empty otherwise. */
  public Optional<Map<String, String>> same(String unit, String key) {
    Map<String, String> values = units.get(unit);
    return values != null && key.equals(values.get(KEY)) ? Optional.of(values) : Optional.empty();
  }

  /** Records a unit (its values hold {@link #KEY}). */
  public void put(String unit, Map<String, String> values) {
    if (!values.containsKey(KEY)) {
      throw new IllegalArgumentException("A memo entry needs its key: " + unit);
    }
    units.put(unit, Map.copyOf(values));
  }

  /** A running SHA-256 of a unit's inputs. */
  public static final class Digest {

    private final MessageDigest sha;
    private final byte[] eight = new byte[8];

    public Digest() {
      try {
        sha = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    /** Adds a text, its length first (so that "ab","c" and "a","bc" differ). */
    public Digest text(String s) {
      byte[] b = String.valueOf(s).getBytes(StandardCharsets.UTF_8);
      number(s == null ? -1 : b.length);
      sha.update(b);
      return this;
    }

    /** Adds a number's exact bits (every NaN the same). */
    public Digest number(double v) {
      long bits = Double.doubleToLongBits(v);
      for (int i = 0; i < 8; i++) {
        eight[i] = (byte) (bits >>> (8 * i));
      }
      sha.update(eight);
      return this;
    }

    /** Adds the numbers of a column, its length first; a missing column differs from an empty one. */
    public Digest numbers(double[] values) {
      if (values == null) {
        return text("no column");
      }
      number(values.length);
      for (double v : values) {
        number(v);
      }
      return this;
    }

    /** The digest, in hexadecimal; the digest cannot be added to after this. */
    public String hex() {
      return HexFormat.of().formatHex(sha.digest());
    }
  }
}
