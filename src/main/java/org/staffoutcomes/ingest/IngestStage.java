package org.staffoutcomes.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.storage.StorageLevel;
import org.staffoutcomes.lake.Lake;
import org.staffoutcomes.lake.PartFiles;
import org.staffoutcomes.schema.DatasetDescriptor;

/**
 * Ingest: a dataset's input files in, two lake tables out: its typed rows (Parquet, partitioned
 * by the year its period starts) and its quarantine (source file, line, raw text, reason). Every
 * line read lands in exactly one of them. A dataset whose descriptor and files are unchanged since
 * the last ingest is not read again unless forced.
 */
public final class IngestStage {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Started only for a dataset parsed by executors: a small dataset needs no Spark at all. */
  private final Supplier<SparkSession> spark;
  private final Lake lake;
  private final long driverParseBytes;
  /** Average file size from which a driver-parsed dataset is streamed file by file. */
  private final long streamedFileBytes;
  /** Memory for the duplicate-key check of a file streamed on its own ({@link FileDuplicates}). */
  private final FileDuplicates.Limits duplicateLimits;
  /**
   * The input folder is listed once per stage, not once per dataset, and each file hashed once: a
   * stage belongs to one run, and sees the folder as it was when first listed.
   */
  private final Map<String, InputFiles.Listing> listings = new java.util.concurrent.ConcurrentHashMap<>();

  public IngestStage(SparkSession spark, Lake lake) {
    this(() -> spark, lake, org.staffoutcomes.config.Settings.driverParseBytes());
  }

  /** @param driverParseBytes datasets up to this size are parsed in the driver; larger ones by executors */
  public IngestStage(SparkSession spark, Lake lake, long driverParseBytes) {
    this(() -> spark, lake, driverParseBytes);
  }

  /** @param spark the session, asked for only when a dataset is larger than {@code driverParseBytes} */
  public IngestStage(Supplier<SparkSession> spark, Lake lake, long driverParseBytes) {
    this(spark, lake, driverParseBytes, STREAMED_FILE_BYTES);
  }

  /** @param streamedFileBytes see {@link #streamsByFile} (tests stream small files with 0) */
  IngestStage(Supplier<SparkSession> spark, Lake lake, long driverParseBytes, long streamedFileBytes) {
    this(spark, lake, driverParseBytes, streamedFileBytes, FileDuplicates.Limits.DEFAULT);
  }

  /** @param duplicateLimits see {@link FileDuplicates.Limits} (tests spill after a few keys) */
  IngestStage(Supplier<SparkSession> spark, Lake lake, long driverParseBytes, long streamedFileBytes,
      FileDuplicates.Limits duplicateLimits) {
    this.spark = spark;
    this.lake = lake;
    this.driverParseBytes = driverParseBytes;
    this.streamedFileBytes = streamedFileBytes;
    this.duplicateLimits = duplicateLimits;
  }

  /**
   * Reads {@code inputDir}'s files as {@code listing} lists and hashes them (the run's no-change
   * check listed and hashed them moments ago), instead of listing the folder again.
   */
  public IngestStage listedAs(String inputDir, InputFiles.Listing listing) {
    listings.put(inputDir, listing);
    return this;
  }

  public DatasetReport run(DatasetDescriptor d, String inputDir, boolean force) {
    return commit(prepare(d, inputDir, force));
  }

  /**
   * A dataset read but not yet in the lake: skipped (unchanged since its last ingest), or parsed
   * in the driver with both tables staged beside their places, or left to executors (large: read
   * and written by {@link #commit}).
   */
  public static final class Prepared {
    private final DatasetDescriptor dataset;
    private final String fingerprint;
    private final List<InputFile> files;
    private final DatasetReport skipped;
    private final StagedTables parsed;

    private Prepared(DatasetDescriptor dataset, String fingerprint, List<InputFile> files, DatasetReport skipped,
        StagedTables parsed) {
      this.dataset = dataset;
      this.fingerprint = fingerprint;
      this.files = files;
      this.skipped = skipped;
      this.parsed = parsed;
    }

    public DatasetDescriptor dataset() {
      return dataset;
    }
  }

  /** A dataset's two tables, staged beside their places, and its report. */
  private record StagedTables(Lake.Staged raw, Lake.Staged quarantine, DatasetReport report) {}

  /**
   * Lists, hashes and (when small) parses and stages a dataset without changing the lake: datasets
   * may be prepared at once on several threads, then committed one by one. Throws what {@link
   * #run} throws for bad input.
   */
  public Prepared prepare(DatasetDescriptor d, String inputDir, boolean force) {
    Configuration conf = lake.files();
    List<InputFile> files = InputFiles.find(listings.computeIfAbsent(inputDir, dir -> InputFiles.list(dir, conf)),
        d.filePattern(), conf);
    if (files.isEmpty() && !d.optional()) {
      throw new IngestException("No input files for dataset '" + d.name() + "': nothing under " + inputDir
          + " matches '" + d.files() + "' (" + d.origin() + ")");
    }
    String fingerprint = fingerprint(d, files);
    Optional<DatasetReport> previous = lake.readState(d.name()).map(IngestStage::parseState);
    if (!force && previous.isPresent() && previous.get().fingerprint().equals(fingerprint)
        && lake.exists(lake.raw(d.name())) && lake.exists(lake.quarantine(d.name()))) {
      return new Prepared(d, fingerprint, files, previous.get().asSkipped(), null);
    }
    long bytes = files.stream().mapToLong(InputFile::bytes).sum();
    return new Prepared(d, fingerprint, files, null,
        bytes <= driverParseBytes ? parseOnDriver(d, files, fingerprint, conf) : null);
  }

  /**
   * Puts a prepared dataset into the lake: its record removed, both tables replaced, its record
   * written again (a large dataset is read and written by executors here).
   */
  public DatasetReport commit(Prepared p) {
    DatasetDescriptor d = p.dataset;
    if (p.skipped != null) {
      return p.skipped;
    }
    // Not done until the record is written again, after both tables are in place.
    lake.deleteState(d.name());
    DatasetReport report;
    if (p.parsed != null) {
      p.parsed.raw().swapIn();
      p.parsed.quarantine().swapIn();
      report = p.parsed.report();
    } else {
      report = ingestOnExecutors(d, p.files, p.fingerprint, lake.files());
    }
    lake.writeState(d.name(), toJson(report));
    return report;
  }

  /** Removes what {@link #prepare} staged, leaving the lake as it was. */
  public void discard(Prepared p) {
    if (p.parsed != null) {
      p.parsed.raw().discard();
      p.parsed.quarantine().discard();
    }
  }

  /**
   * A small dataset: parsed in the driver in one pass over each file, and its two tables written
   * (staged) by the driver too: no Spark job, and no Spark session needed. Files of a megabyte or
   * more that can be read independently ({@link #streamsByFile}) are streamed one file per task on
   * this machine's cores ({@link #streamOnDriver}); other datasets are parsed in file order with
   * their rows held until written, one part file per year ({@link DriverParse}).
   */
  private StagedTables parseOnDriver(DatasetDescriptor d, List<InputFile> files, String fingerprint,
      Configuration conf) {
    if (streamsByFile(d, files)) {
      return streamOnDriver(d, files, fingerprint, conf);
    }
    DriverParse parsed = DriverParse.of(d, files, conf);
    Lake.Staged raw = d.period() == null
        ? lake.stage(lake.raw(d.name()), parsed.kept(), LakeRows.keptSchema(d))
        : lake.stage(lake.raw(d.name()), parsed.kept(), LakeRows.keptSchema(d), LakeRows.YEAR);
    Lake.Staged quarantine = lake.stage(lake.quarantine(d.name()), parsed.quarantined(), LakeRows.QUARANTINE_SCHEMA);
    return new StagedTables(raw, quarantine, new DatasetReport(d.name(), fingerprint, false, parsed.files()));
  }

  /** Average size of a file from which a driver-parsed dataset is streamed file by file: 1 MiB. */
  static final long STREAMED_FILE_BYTES = 1L << 20;

  /**
   * True for a dataset whose files can each be parsed on its own - no key, or no two files with
   * the same period, so duplicate keys can only be within a file - and are large enough (on
   * average {@link #STREAMED_FILE_BYTES}) to be worth a part file each: respondent microdata, one
   * file per survey year. Many small files (monthly returns) stay one part file per year.
   */
  private boolean streamsByFile(DatasetDescriptor d, List<InputFile> files) {
    long bytes = files.stream().mapToLong(InputFile::bytes).sum();
    return files.size() > 1 && bytes >= streamedFileBytes * files.size()
        && (d.key().isEmpty() || onePeriodPerFile(d, files));
  }

  /**
   * A driver-parsed dataset streamed one file per task on this machine's cores: {@link
   * #streamByFile} with the tasks run on the common pool's threads and this one.
   */
  private StagedTables streamOnDriver(DatasetDescriptor d, List<InputFile> files, String fingerprint,
      Configuration conf) {
    checkHeaders(d, files, conf);
    return streamByFile(d, files, fingerprint,
        (indexes, task) -> indexes.parallelStream().map(task::call).toList());
  }

  /** Runs a {@link ParseFiles} task for each file index; the counts in the indexes' order. */
  private interface FileTasks {
    List<ParseFiles.Counted> run(List<Integer> indexes, ParseFiles task);
  }

  /**
   * A dataset streamed one file per task, by executors or on the driver's cores ({@code tasks}):
   * each file's kept rows written by the executors' own task ({@link ParseFiles}) into its part
   * files as they are parsed, no row held, largest files first (duplicate keys found within each
   * file in bounded memory: {@link FileDuplicates}); the quarantine read in a second pass over only
   * the files that counted quarantined lines. Both tables staged, not swapped in.
   */
  private StagedTables streamByFile(DatasetDescriptor d, List<InputFile> files, String fingerprint, FileTasks tasks) {
    String[] partitionBy = d.period() == null ? new String[0] : new String[] {LakeRows.YEAR};
    String raw = lake.raw(d.name());
    PartFiles keptParts = lake.startParts(raw, LakeRows.keptSchema(d), partitionBy);
    List<Integer> bySize = largestFirst(files);
    List<ParseFiles.Counted> counted = tasks.run(bySize, ParseFiles.kept(d, files, keptParts, duplicateLimits));
    Lake.Staged kept = lake.stageParts(raw, LakeRows.keptSchema(d), partitionBy);
    FileReport[] byIndex = new FileReport[files.size()];
    List<Integer> withRejects = new ArrayList<>();
    java.util.Set<Integer> withDuplicates = new java.util.HashSet<>();
    for (int k = 0; k < bySize.size(); k++) {
      byIndex[bySize.get(k)] = counted.get(k).report();
      if (counted.get(k).report().rowsQuarantined() > 0) {
        withRejects.add(bySize.get(k));
      }
      if (counted.get(k).duplicates() > 0) {
        withDuplicates.add(bySize.get(k));
      }
    }
    Lake.Staged quarantine;
    if (withRejects.isEmpty()) {
      quarantine = lake.stage(lake.quarantine(d.name()), List.of(), LakeRows.QUARANTINE_SCHEMA);
    } else {
      String table = lake.quarantine(d.name());
      PartFiles rejected = lake.startParts(table, LakeRows.QUARANTINE_SCHEMA);
      tasks.run(withRejects, ParseFiles.quarantined(d, files, rejected, duplicateLimits, withDuplicates));
      quarantine = lake.stageParts(table, LakeRows.QUARANTINE_SCHEMA);
    }
    return new StagedTables(kept, quarantine, new DatasetReport(d.name(), fingerprint, false, List.of(byIndex)));
  }

  /** The files' indexes, largest file first (so that the last task to start is a short one). */
  private static List<Integer> largestFirst(List<InputFile> files) {
    return java.util.stream.IntStream.range(0, files.size()).boxed()
        .sorted(java.util.Comparator.comparingLong((Integer i) -> files.get(i).bytes()).reversed()).toList();
  }

  /** Every file's header against the descriptor, before any task starts: a bad one fails here, named. */
  private static void checkHeaders(DatasetDescriptor d, List<InputFile> files, Configuration conf) {
    for (InputFile f : files) {
      String head = InputFiles.head(f, Charset.forName(d.csv().encoding()), conf);
      new RecordParser(d, f.relativePath(), CsvFileParser.header(d, f.relativePath(), head));
    }
  }

  /**
   * A large dataset: each file streamed through the parser by one executor task (largest files
   * first), its kept rows written as they are parsed straight into the table's Parquet part files
   * ({@link PartFiles}: no Spark rows, no generated code, no shuffle, nothing held in memory); the
   * tasks return each file's counts. When no two files share a
   * period, duplicate keys are found within each file; the quarantine is then read in a second
   * pass over only the files that counted quarantined lines ({@link #streamByFile}, as on the
   * driver's cores). Otherwise a window over all rows finds duplicates across files ({@link
   * #ingestWithWindow}).
   */
  private DatasetReport ingestOnExecutors(DatasetDescriptor d, List<InputFile> files, String fingerprint,
      Configuration conf) {
    checkHeaders(d, files, conf);
    SparkSession spark = this.spark.get();
    if (!d.key().isEmpty() && !onePeriodPerFile(d, files)) {
      return ingestWithWindow(spark, d, files, fingerprint);
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    StagedTables parsed = streamByFile(d, files, fingerprint,
        (indexes, task) -> jsc.parallelize(indexes, Math.max(1, indexes.size())).map(task).collect());
    parsed.raw().swapIn();
    parsed.quarantine().swapIn();
    return parsed.report();
  }

  /**
   * True when a survey dataset of this ingest report is small enough to be scored in this JVM
   * ({@link org.staffoutcomes.scores.ScoreStage#scoresInDriver}): its files were (or would have
   * been) parsed in the driver.
   */
  public boolean scoresInDriver(DatasetReport report) {
    return report.files().stream().mapToLong(FileReport::bytes).sum() <= driverParseBytes;
  }

  /** True when the period comes from the file name and no two files name the same one. */
  static boolean onePeriodPerFile(DatasetDescriptor d, List<InputFile> files) {
    if (d.period() == null || d.period().fileGroup() == null) {
      return false;
    }
    java.util.Set<String> periods = new java.util.HashSet<>();
    for (InputFile f : files) {
      java.util.regex.Matcher m = d.filePattern().matcher(f.relativePath());
      if (!m.matches() || !periods.add(m.group(d.period().fileGroup()))) {
        return false;
      }
    }
    return true;
  }

  /** Files in parallel, then a window over every row to find duplicate keys across files. */
  private DatasetReport ingestWithWindow(SparkSession spark, DatasetDescriptor d, List<InputFile> files,
      String fingerprint) {
    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(files, Math.max(1, files.size()))
        .flatMap(new ParseAllLines(d));
    Dataset<Row> parsed = markDuplicateKeys(spark.createDataFrame(rows, LakeRows.parsedSchema(d)), d)
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Dataset<Row> kept = parsed.filter(col(LakeRows.REASON).isNull()).drop(LakeRows.RAW, LakeRows.REASON);
      if (d.period() == null) {
        lake.replace(lake.raw(d.name()), kept);
      } else {
        lake.replace(lake.raw(d.name()), kept, LakeRows.YEAR);
      }
      lake.replace(lake.quarantine(d.name()), parsed.filter(col(LakeRows.REASON).isNotNull()).select(
          lit(d.name()).as("dataset"), col(LakeRows.SOURCE_FILE), col(LakeRows.SOURCE_LINE),
          col(LakeRows.RAW).as("raw"), col(LakeRows.REASON).as("reason")));
      return new DatasetReport(d.name(), fingerprint, false, fileReports(d, files, parsed));
    } finally {
      parsed.unpersist();
    }
  }

  /**
   * A kept row whose key (within its period) was already seen, in an earlier file or on an
   * earlier line, is quarantined with a reason pointing at the first occurrence.
   */
  private static Dataset<Row> markDuplicateKeys(Dataset<Row> parsed, DatasetDescriptor d) {
    if (d.key().isEmpty()) {
      return parsed;
    }
    List<Column> partition = new ArrayList<>();
    d.key().forEach(k -> partition.add(col(k)));
    if (d.period() != null) {
      partition.add(col(LakeRows.PERIOD_START));
      partition.add(col(LakeRows.PERIOD_END));
    }
    partition.add(col(LakeRows.REASON).isNull());
    WindowSpec w = Window.partitionBy(partition.toArray(Column[]::new))
        .orderBy(col(LakeRows.SOURCE_FILE), col(LakeRows.SOURCE_LINE));
    List<Column> keyText = new ArrayList<>();
    keyText.add(lit("duplicate key ("));
    for (int i = 0; i < d.key().size(); i++) {
      keyText.add(lit((i == 0 ? "" : ", ") + d.key().get(i) + "="));
      keyText.add(col(d.key().get(i)).cast("string"));
    }
    if (d.period() != null) {
      keyText.add(lit(", period starting "));
      keyText.add(org.apache.spark.sql.functions.date_format(col(LakeRows.PERIOD_START), "yyyy-MM"));
    }
    keyText.add(lit("): first seen at "));
    keyText.add(first(col(LakeRows.SOURCE_FILE)).over(w));
    keyText.add(lit(" line "));
    keyText.add(first(col(LakeRows.SOURCE_LINE)).over(w).cast("string"));
    Column duplicate = col(LakeRows.REASON).isNull().and(row_number().over(w).gt(1));
    return parsed.withColumn(LakeRows.REASON,
        when(duplicate, concat(keyText.toArray(Column[]::new))).otherwise(col(LakeRows.REASON)));
  }

  private static List<FileReport> fileReports(DatasetDescriptor d, List<InputFile> files, Dataset<Row> parsed) {
    Map<String, Row> counts = parsed.groupBy(col(LakeRows.SOURCE_FILE))
        .agg(count(lit(1)).as("read"), sum(when(col(LakeRows.REASON).isNull(), 1).otherwise(0)).as("kept"))
        .collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r));
    List<FileReport> reports = new ArrayList<>();
    for (InputFile f : files) {
      Row r = counts.get(f.relativePath());
      long read = r == null ? 0 : r.getLong(1);
      long kept = r == null ? 0 : r.getLong(2);
      reports.add(new FileReport(d.name(), f.relativePath(), f.sha256(), f.bytes(), read, kept, read - kept));
    }
    return reports;
  }

  /** Digest of the project version, a dataset's descriptor and every input file (path and SHA-256). */
  public static String fingerprint(DatasetDescriptor d, List<InputFile> files) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(("staff-outcomes " + org.staffoutcomes.config.Settings.projectVersion() + "\n")
          .getBytes(StandardCharsets.UTF_8));
      digest.update(org.staffoutcomes.schema.CanonicalJson.of(d));
      for (InputFile f : files) {
        digest.update((f.relativePath() + "\0" + f.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String toJson(DatasetReport report) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The fingerprint in a dataset's ingest record (the text of {@code lake/_state/<dataset>.json}), or null. */
  public static String fingerprintOf(String state) {
    String f = parseState(state).fingerprint();
    return f == null || f.isEmpty() ? null : f;
  }

  private static DatasetReport parseState(String json) {
    try {
      return JSON.readValue(json, DatasetReport.class);
    } catch (JsonProcessingException e) {
      return new DatasetReport("", "", false, List.of());
    }
  }
}
