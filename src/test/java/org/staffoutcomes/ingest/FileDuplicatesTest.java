package org.staffoutcomes.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * The streamed path's duplicate-key check in bounded memory makes exactly the decisions of the
 * in-memory check ({@link DuplicateKeys}, which holds every key) - same duplicates, same reasons -
 * whether the hashes are sorted in memory or in many spilled runs, the repeated hashes compared in
 * one pass or many, the duplicates found held or spilled, and even when every key hashes alike.
 */
class FileDuplicatesTest {

  private static final DatasetDescriptor MONTHLY = TestDescriptors.dataset("monthly");
  private static final MonthInterval JAN = MonthInterval.of(YearMonth.of(2020, 1));
  private static final MonthInterval FEB = MonthInterval.of(YearMonth.of(2020, 2));

  /** Lines of one file (columns month, org_code, days_lost, days_available): repeats, rejects, null keys. */
  private static List<ParsedLine> lines(int n, int distinctOrgs, long seed) {
    Random random = new Random(seed);
    List<ParsedLine> lines = new ArrayList<>();
    for (long k = 2; k < n + 2; k++) {
      if (random.nextInt(20) == 0) {
        lines.add(new ParsedLine("f.csv", k, "raw " + k, null, null, "column 3 'days_lost': 'x' is not a number"));
        continue;
      }
      String org = random.nextInt(50) == 0 ? null : "R" + random.nextInt(distinctOrgs);
      lines.add(new ParsedLine("f.csv", k, "raw " + k, new Object[] {"m", org, 1.0, 2.0},
          random.nextBoolean() ? JAN : FEB, null));
    }
    return lines;
  }

  /** What the in-memory check says of each line, in order (null: not a duplicate). */
  private static List<String> expected(List<ParsedLine> lines) {
    DuplicateKeys keys = new DuplicateKeys(MONTHLY);
    return lines.stream().map(keys::reasonFor).toList();
  }

  /** What the bounded check says of each line, after one read to offer them and as many as it asks for. */
  private static List<String> bounded(List<ParsedLine> lines, FileDuplicates.Limits limits,
      ToLongFunction<CharSequence> hash, AtomicInteger readsAgain) {
    try (FileDuplicates check = new FileDuplicates(MONTHLY, limits, hash)) {
      lines.forEach(check::offer);
      try (FileDuplicates.Found found = check.find(each -> {
        readsAgain.incrementAndGet();
        lines.forEach(each);
      })) {
        List<String> reasons = lines.stream().map(found::reasonFor).toList();
        assertEquals(reasons.stream().filter(r -> r != null).count(), found.count(), "count of duplicates");
        return reasons;
      }
    }
  }

  static Stream<Arguments> limitsAndHashes() {
    ToLongFunction<CharSequence> good = FileDuplicates::hash64;
    ToLongFunction<CharSequence> fiveValues = s -> s.length() % 5;
    ToLongFunction<CharSequence> constant = s -> 42;
    FileDuplicates.Limits tiny = new FileDuplicates.Limits(97, 3, 5);
    return Stream.of(
        Arguments.of("default limits", FileDuplicates.Limits.DEFAULT, good),
        Arguments.of("spilled runs, a pass per 3 hashes, duplicates spilled", tiny, good),
        Arguments.of("nothing held: duplicates straight to a file", new FileDuplicates.Limits(97, 40, 0), good),
        Arguments.of("five hash values, tiny limits", tiny, fiveValues),
        Arguments.of("every key the same hash", FileDuplicates.Limits.DEFAULT, constant),
        Arguments.of("every key the same hash, tiny limits", tiny, constant));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("limitsAndHashes")
  void decidesAsTheInMemoryCheck(String name, FileDuplicates.Limits limits, ToLongFunction<CharSequence> hash)
      throws IOException {
    List<ParsedLine> lines = lines(6_000, 2_500, 11);
    List<String> expected = expected(lines);
    long temporaryBefore = temporaryFiles();

    List<String> actual = bounded(lines, limits, hash, new AtomicInteger());

    assertTrue(expected.stream().filter(r -> r != null).count() > 1_000, "the data has many duplicates");
    assertEquals(expected, actual);
    assertEquals(temporaryBefore, temporaryFiles(), "every temporary file removed");
  }

  @Test
  void aFileWhoseKeysAreAllDifferentIsNotReadAgain() {
    List<ParsedLine> lines = new ArrayList<>();
    for (long k = 2; k < 5_002; k++) {
      lines.add(new ParsedLine("f.csv", k, "raw", new Object[] {"m", "R" + k, 1.0, 2.0}, JAN, null));
    }
    AtomicInteger readsAgain = new AtomicInteger();
    List<String> reasons = bounded(lines, new FileDuplicates.Limits(100, 3, 5), FileDuplicates::hash64, readsAgain);
    assertTrue(reasons.stream().allMatch(r -> r == null));
    assertEquals(0, readsAgain.get());
  }

  @Test
  void everyLineAfterTheFirstIsADuplicateOfIt() {
    List<ParsedLine> lines = new ArrayList<>();
    for (long k = 2; k < 2_002; k++) {
      lines.add(new ParsedLine("f.csv", k, "raw", new Object[] {"m", "RAA", 1.0, 2.0}, FEB, null));
    }
    AtomicInteger readsAgain = new AtomicInteger();
    List<String> reasons = bounded(lines, new FileDuplicates.Limits(64, 1, 7), FileDuplicates::hash64, readsAgain);
    assertNull(reasons.get(0));
    for (int i = 1; i < reasons.size(); i++) {
      assertEquals("duplicate key (org_code=RAA, month=m, period starting 2020-02): first seen at f.csv line 2",
          reasons.get(i));
    }
    assertEquals(1, readsAgain.get(), "one repeated hash: one more read");
  }

  @Test
  void hashesSpilledInRunsComeBackSorted() throws IOException {
    Random random = new Random(3);
    long[] values = random.longs(10_000).toArray();
    long before = temporaryFiles();
    try (SortedLongs sorted = new SortedLongs(333)) {
      Arrays.stream(values).forEach(sorted::add);
      assertEquals(30, sorted.spilledRuns());
      assertEquals(before + 30, temporaryFiles(), "each full run in its own file");
      long[] read = new long[values.length];
      PrimitiveIterator.OfLong it = sorted.sorted();
      for (int i = 0; i < read.length; i++) {
        read[i] = it.nextLong();
      }
      assertTrue(!it.hasNext());
      Arrays.sort(values);
      assertArrayEquals(values, read);
    }
    assertEquals(before, temporaryFiles());
  }

  @Test
  void aSpillReadsBackInTheOrderWritten() {
    for (int memory : new int[] {0, 1, 7, 100_000}) {
      try (LongSpill spill = new LongSpill(memory)) {
        for (long v = 0; v < 1_000; v++) {
          spill.add(v * v - 500);
        }
        assertEquals(1_000, spill.size());
        assertEquals(memory < 1_000, spill.spilled(), "memory " + memory);
        PrimitiveIterator.OfLong it = spill.read();
        for (long v = 0; v < 1_000; v++) {
          assertEquals(v * v - 500, it.nextLong());
        }
        assertTrue(!it.hasNext());
      }
    }
  }

  private static long temporaryFiles() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(f -> f.getFileName().toString().startsWith("staff-outcomes-spill-")).count();
    }
  }
}
