package org.staffoutcomes.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A memo vouches for a unit only under the digest it was computed from; anything unreadable vouches for nothing. */
class UnitMemoTest {

  @TempDir Path dir;

  @Test
  void aUnitIsTheSameOnlyUnderItsOwnKey() {
    Path file = dir.resolve("stages/analyze-units.json");
    UnitMemo memo = UnitMemo.empty();
    memo.put("engagement/shmi", Map.of(UnitMemo.KEY, "k1"));
    memo.write(file);
    UnitMemo read = UnitMemo.read(file);
    assertTrue(read.same("engagement/shmi", "k1").isPresent());
    assertFalse(read.same("engagement/shmi", "k2").isPresent());
    assertFalse(read.same("engagement/hcai", "k1").isPresent());
    assertFalse(Files.exists(dir.resolve("stages/analyze-units.json.tmp")), "written beside, then renamed");
    UnitMemo.forget(file);
    assertTrue(UnitMemo.read(file).units().isEmpty());
  }

  @Test
  void anUnreadableMemoIsEmpty() throws IOException {
    Path file = dir.resolve("render-units.json");
    Files.writeString(file, "{\"charts/a.png\": {\"key\": \"k"); // killed mid-write
    assertTrue(UnitMemo.read(file).units().isEmpty());
    Files.writeString(file, "[1, 2]");
    assertTrue(UnitMemo.read(file).units().isEmpty());
  }

  @Test
  void theDigestTellsApartValuesTheirBoundariesAndEveryBitOfANumber() {
    String ab = new UnitMemo.Digest().text("a").text("b").hex();
    assertEquals(ab, new UnitMemo.Digest().text("a").text("b").hex());
    assertNotEquals(ab, new UnitMemo.Digest().text("ab").text("").hex());
    assertNotEquals(ab, new UnitMemo.Digest().text("b").text("a").hex());
    assertNotEquals(new UnitMemo.Digest().number(0.1).hex(), new UnitMemo.Digest().number(Math.nextUp(0.1)).hex());
    assertNotEquals(new UnitMemo.Digest().number(0.0).hex(), new UnitMemo.Digest().number(-0.0).hex());
    assertEquals(new UnitMemo.Digest().number(Double.NaN).hex(),
        new UnitMemo.Digest().number(Double.longBitsToDouble(0x7ff8000000000001L)).hex(), "every NaN is missing");
    assertNotEquals(new UnitMemo.Digest().numbers(null).hex(), new UnitMemo.Digest().numbers(new double[0]).hex());
    assertEquals(64, ab.length());
  }
}
