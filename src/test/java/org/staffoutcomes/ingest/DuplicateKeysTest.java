package org.staffoutcomes.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * The duplicate-key check keeps every key exactly: a key is a duplicate only when all its values
 * and its period equal an earlier line's, whatever their hashes, and the reason names the first
 * line. Checked against a plain map over enough keys to grow and rehash the table many times.
 */
class DuplicateKeysTest {

  private static final DatasetDescriptor MONTHLY = TestDescriptors.dataset("monthly");
  private static final MonthInterval JAN = MonthInterval.of(YearMonth.of(2020, 1));
  private static final MonthInterval FEB = MonthInterval.of(YearMonth.of(2020, 2));

  /** A kept line of the monthly dataset (columns month, org_code, days_lost, days_available). */
  private static ParsedLine line(String file, long n, String org, String month, MonthInterval period) {
    return new ParsedLine(file, n, "raw", new Object[] {month, org, 1.0, 2.0}, period, null);
  }

  @Test
  void aKeyIsADuplicateOnlyWhenEveryValueAndThePeriodMatch() {
    DuplicateKeys keys = new DuplicateKeys(MONTHLY);
    assertNull(keys.reasonFor(line("a.csv", 2, "RAA", "Jan-20", JAN)));
    // "Aa" and "BB" have the same String hash: different keys all the same.
    assertNull(keys.reasonFor(line("a.csv", 3, "Aa", "Jan-20", JAN)));
    assertNull(keys.reasonFor(line("a.csv", 4, "BB", "Jan-20", JAN)));
    assertNull(keys.reasonFor(line("a.csv", 5, "RAA", "Jan-20", FEB)), "same values, another period");
    assertNull(keys.reasonFor(line("a.csv", 6, "RAA", "Jan-2", JAN)), "a value that is a prefix");
    assertNull(keys.reasonFor(line("a.csv", 7, null, "Jan-20", JAN)));
    assertEquals("duplicate key (org_code=BB, month=Jan-20, period starting 2020-01): first seen at a.csv line 4",
        keys.reasonFor(line("b.csv", 9, "BB", "Jan-20", JAN)));
    assertEquals("duplicate key (org_code=RAA, month=Jan-20, period starting 2020-02): first seen at a.csv line 5",
        keys.reasonFor(line("b.csv", 10, "RAA", "Jan-20", FEB)));
    assertEquals("duplicate key (org_code=null, month=Jan-20, period starting 2020-01): first seen at a.csv line 7",
        keys.reasonFor(line("c.csv", 1, null, "Jan-20", JAN)));
    ParsedLine rejected = new ParsedLine("c.csv", 2, "raw", null, null, "bad value");
    assertNull(keys.reasonFor(rejected), "a rejected line has no key");
  }

  @Test
  void agreesWithAMapOverManyKeys() {
    DuplicateKeys keys = new DuplicateKeys(MONTHLY);
    Map<String, Long> firstSeen = new HashMap<>();
    java.util.Random random = new java.util.Random(7);
    int duplicates = 0;
    for (long n = 1; n <= 200_000; n++) {
      String org = "R" + random.nextInt(120_000);
      MonthInterval period = random.nextBoolean() ? JAN : FEB;
      Long first = firstSeen.putIfAbsent(org + "|" + period, n);
      String reason = keys.reasonFor(line("big.csv", n, org, "m", period));
      if (first == null) {
        assertNull(reason, "line " + n);
      } else {
        duplicates++;
        assertEquals("duplicate key (org_code=" + org + ", month=m, period starting " + period.start()
            + "): first seen at big.csv line " + first, reason);
      }
    }
    assertEquals(200_000 - firstSeen.size(), duplicates);
  }
}
