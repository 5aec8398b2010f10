package org.staffoutcomes.pipeline;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.staffoutcomes.analysis.AnalysisStage;
import org.staffoutcomes.bundle.RenderStage;
import org.staffoutcomes.config.PausePoint;
import org.staffoutcomes.config.Workspace;
import org.staffoutcomes.ingest.DatasetReport;
import org.staffoutcomes.ingest.IngestStage;
import org.staffoutcomes.ingest.InputFiles;
import org.staffoutcomes.lake.Lake;
import org.staffoutcomes.panel.PanelStage;
import org.staffoutcomes.schema.CanonicalJson;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.schema.SurveySpec;
import org.staffoutcomes.scores.ScoreStage;

/**
 * Runs the stages against one work folder: each stage reads its inputs from the lake, calls the
 * stage's dataset function, and replaces its output table. Progress goes to {@code out}, one line
 * per step with its figures.
 *
 * <p>Every stage leaves a "done" record once its outputs are in place, naming what it read
 * (ingest: {@code lake/_state/<dataset>.json}; scores, panel, analyze and render: {@link
 * StageRecords}). Scores are redone whenever their record does not match the dataset's ingest; with
 * {@link #reusingFinishedStages} (a {@code run}) panel, analyze and render are skipped when their
 * record matches what they would read now, so a run after a killed one redoes exactly what is
 * stale.
 */
public final class Pipeline {

  /** The session, asked for only by a step that needs Spark (see {@link #spark()}). */
  private final Supplier<SparkSession> session;
  private SparkSession spark;
  private final Catalog catalog;
  private final Workspace workspace;
  private final Lake lake;
  private final PrintWriter out;
  private final Instant started = Instant.now();
  /** Attached when Spark starts; null while no step has needed Spark. */
  private SparkProfile profile;
  private String step;
  private boolean printProfile;
  private RunHistory history;
  private final StageRecords records;
  /** The catalog's content (settings and every descriptor), which panel, analyze and render read. */
  private final String catalogContent;
  private boolean reuse;
  /** What analyze computed and wrote to the lake in this process (render draws it as it is); null when it did not run. */
  private org.staffoutcomes.analysis.AnalysisResults analysed;

  public Pipeline(SparkSession spark, Catalog catalog, Workspace workspace, PrintWriter out) {
    this(() -> spark, catalog, workspace, out);
  }

  /**
   * @param session the Spark session, started the first time a step needs it (a large dataset's
   *     ingest, scoring, panel, analysis): a run whose datasets are all small starts it later, or never
   */
  public Pipeline(Supplier<SparkSession> session, Catalog catalog, Workspace workspace, PrintWriter out) {
    this.session = session;
    this.catalog = catalog;
    this.workspace = workspace;
    this.lake = new Lake(this::spark, workspace.root());
    this.out = out;
    this.history = new RunHistory("pipeline", started);
    this.records = new StageRecords(workspace.root());
    this.catalogContent = StageRecords.inputs("catalog",
        List.of(new String(CanonicalJson.of(catalog), java.nio.charset.StandardCharsets.UTF_8)));
  }

  /**
   * Skips panel, analyze and render when their record says they were computed from what they
   * would read now (a {@code run}); without it they are always done (the stage commands).
   */
  public Pipeline reusingFinishedStages(boolean reuse) {
    this.reuse = reuse;
    return this;
  }

  /** The session, started now if no step needed it before; its work counts towards the current step. */
  private synchronized SparkSession spark() {
    if (spark == null) {
      spark = session.get();
      profile = SparkProfile.attach(spark);
      if (step != null) {
        profile.step(step);
      }
    }
    return spark;
  }

  /** Records the steps that run, the ingest reports and the published bundle in {@code history}. */
  public Pipeline recordingTo(RunHistory history) {
    this.history = history;
    return this;
  }

  /** After each step, also print its Spark jobs, stages, tasks, shuffles and executor time. */
  public Pipeline printingProfile(boolean print) {
    this.printProfile = print;
    return this;
  }

  /** Starts counting Spark work towards a step. */
  private synchronized void begin(String step) {
    this.step = step;
    if (profile != null) {
      profile.step(step);
    }
  }

  /** Prints the step's Spark figures when asked to. */
  private void end(String step, long t0) {
    if (printProfile) {
      String figures = "Spark not started";
      if (profile != null) {
        profile.settle();
        figures = profile.figures(step).toString();
      }
      out.printf("  profile %-22s wall %.1f s; %s%n", step, seconds(t0), figures);
      out.flush();
    }
  }

  public Lake lake() {
    return lake;
  }

  /**
   * Ingests every dataset of the catalog from {@code inputDir}. Datasets are read, hashed, parsed
   * and staged beside their tables on a pool of {@link
   * org.staffoutcomes.config.Settings#ingestThreads()} threads, without changing the lake; this
   * thread then puts them into the lake, prints their lines, records them and scores survey
   * datasets in catalog order, while the pool reads the next ones. So the lake changes as it does
   * one dataset at a time: when a dataset fails (or its scoring does), no later dataset is in the
   * lake, and what was staged for them is removed.
   */
  public List<DatasetReport> ingest(String inputDir, boolean force) {
    return ingest(inputDir, null, force);
  }

  /**
   * {@link #ingest(String, boolean)} from {@code listing}, the input folder as a run listed and
   * hashed it before deciding to compute anything (null: listed and hashed here).
   */
  public List<DatasetReport> ingest(String inputDir, InputFiles.Listing listing,
      boolean force) {
    IngestStage stage = new IngestStage(this::spark, lake, org.staffoutcomes.config.Settings.driverParseBytes());
    if (listing != null) {
      stage.listedAs(inputDir, listing);
    }
    List<DatasetDescriptor> datasets = catalog.datasets();
    List<DatasetReport> reports = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(
        Math.max(1, Math.min(datasets.size(), org.staffoutcomes.config.Settings.ingestThreads())), runnable -> {
          Thread t = new Thread(runnable, "ingest");
          t.setDaemon(true);
          return t;
        });
    List<Future<Read>> started = new ArrayList<>();
    java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
    for (DatasetDescriptor d : datasets) {
      started.add(pool.submit(() -> {
        if (stop.get()) {
          return null; // an earlier dataset failed: this one is not read
        }
        long t0 = System.nanoTime();
        return new Read(stage.prepare(d, inputDir, force), System.nanoTime() - t0);
      }));
    }
    pool.shutdown();
    int i = 0;
    try {
      for (; i < datasets.size(); i++) {
        DatasetDescriptor d = datasets.get(i);
        Read read = org.staffoutcomes.config.Futures.join(started.get(i), "ingesting");
        long t0 = System.nanoTime();
        begin("ingest " + d.name());
        DatasetReport r = stage.commit(read.prepared());
        reports.add(report(r, read.nanos() + (System.nanoTime() - t0), t0));
        if (d.survey() != null) {
          // Scored again unless their record names this very ingest: ingest may have finished in a
          // run that was killed before scoring, leaving the scores of an earlier ingest.
          String inputs = StageRecords.inputs(scoresStage(d), List.of(r.fingerprint()));
          if (force || !records.current(scoresStage(d), inputs) || !lake.exists(lake.scores(d.name()))) {
            score(d, stage.scoresInDriver(r), inputs);
          }
        }
      }
    } catch (RuntimeException | Error failure) {
      stop.set(true);
      discardAfter(i, stage, started);
      throw failure;
    } finally {
      awaitQuietly(pool);
    }
    return reports;
  }

  /** A dataset prepared on a pool thread, and how long that took. */
  private record Read(IngestStage.Prepared prepared, long nanos) {}

  /**
   * Prints, records and marks the pause point of one ingested dataset; {@code nanos}: its reading
   * on the pool and its commit here (not the time spent waiting for it).
   */
  private DatasetReport report(DatasetReport r, long nanos, long t0) {
    history.ingested(r);
    if (!r.skipped()) {
      history.step("ingest " + r.dataset());
    }
    out.printf("ingest %-20s %3d files %,9d rows read = %,9d kept + %,6d quarantined%s (%.1f s)%n",
        r.dataset(), r.files().size(), r.rowsRead(), r.rowsKept(), r.rowsQuarantined(),
        r.skipped() ? ", unchanged since last ingest: not re-read" : "", nanos / 1e9);
    out.flush();
    end("ingest " + r.dataset(), t0);
    PausePoint.reach("ingested:" + r.dataset());
    return r;
  }

  /** After dataset {@code failed} (or its scoring) failed: what was staged for the later datasets is removed. */
  private static void discardAfter(int failed, IngestStage stage, List<Future<Read>> started) {
    for (int j = failed + 1; j < started.size(); j++) {
      try {
        Read read = org.staffoutcomes.config.Futures.join(started.get(j), "ingesting");
        if (read != null) {
          stage.discard(read.prepared());
        }
      } catch (RuntimeException | Error alsoFailed) {
        // The first failure in catalog order is the one reported; this dataset changed nothing.
      }
    }
  }

  private static void awaitQuietly(ExecutorService pool) {
    try {
      while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
        // A dataset still being read after a failure: its tables are swapped in whole or not at all.
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String scoresStage(DatasetDescriptor d) {
    return "scores-" + d.name();
  }

  /**
   * A survey dataset's scores per organisation and year, from its lake rows: in this JVM when it
   * was small enough to be parsed here (no Spark), else by Spark.
   * Its record is removed first and written once the scores are in place.
   */
  private void score(DatasetDescriptor d, boolean inDriver, String inputs) {
    long t0 = System.nanoTime();
    begin("score " + d.name());
    history.step("score " + d.name());
    records.forget(scoresStage(d));
    List<Row> scores = inDriver
        ? ScoreStage.scoresInDriver(d, lake, lake.raw(d.name()))
        : ScoreStage.scores(spark(), d, lake, lake.raw(d.name()));
    lake.replace(lake.scores(d.name()), scores, ScoreStage.schema(d));
    long n = scores.size();
    records.write(scoresStage(d), inputs, null);
    out.printf("score  %-20s %,9d organisation-years scored from %s (%.1f s)%n", d.name(), n,
        d.survey().shape() == SurveySpec.Shape.MICRODATA ? "respondents, weighted to the national "
            + "occupation-group mix" : "published distributions", seconds(t0));
    out.flush();
    end("score " + d.name(), t0);
  }

  /** The fingerprint of the ingest that wrote {@code d}'s lake tables, or null when none finished. */
  private String ingestRecord(DatasetDescriptor d) {
    return lake.readState(d.name()).map(IngestStage::fingerprintOf).orElse(null);
  }

  /** What the panel reads: the catalog, each survey dataset's scores and every other dataset's rows. */
  private String panelInputs() {
    List<String> parts = new ArrayList<>(List.of(catalogContent));
    for (DatasetDescriptor d : catalog.datasets()) {
      parts.add(d.name());
      parts.add(d.survey() != null ? records.inputsOf(scoresStage(d)) : ingestRecord(d));
    }
    return StageRecords.inputs("panel", parts);
  }

  /**
   * What the analysis reads: the catalog, the panel, the reference datasets' rows (successions and
   * unknown organisations) and every dataset's rows (the kept-row counts the publish checks judge).
   */
  private String analysisInputs() {
    List<String> parts = new ArrayList<>();
    parts.add(catalogContent);
    parts.add(records.inputsOf("panel"));
    for (DatasetDescriptor d : catalog.datasets()) {
      parts.add(d.name());
      parts.add(ingestRecord(d));
    }
    return StageRecords.inputs("analyze", parts);
  }

  /**
   * What render reads: the catalog, the analysis tables, every dataset's ingest report and
   * quarantine, and the publish settings (the quarantine threshold, --publish-anyway).
   */
  private String renderInputs(Double maxQuarantinedPercent, boolean publishAnyway) {
    List<String> parts = new ArrayList<>();
    parts.add(catalogContent);
    parts.add("max_quarantined_percent=" + maxQuarantinedPercent);
    parts.add("publish_anyway=" + publishAnyway);
    parts.add(records.inputsOf("analyze"));
    for (DatasetDescriptor d : catalog.datasets()) {
      parts.add(ingestRecord(d));
    }
    return StageRecords.inputs("render", parts);
  }

  /** Prints that {@code step} was skipped because its record matches what it would read now. */
  private void unchanged(String step, String what) {
    out.printf("%-6s %s%n", step, what);
    out.flush();
  }

  /** Builds the trust x survey year panel from the lake (no Spark: see PanelStage). */
  public void panel() {
    recorded("panel", panelInputs(), lake.panel(), "unchanged: built from the same rows and catalog; not built again",
        () -> PanelStage.run(catalog, lake.paths(), out));
  }

  /** Every number the bundle shows, from the panel, into {@code lake/analysis/} (no Spark). */
  public void analyze() {
    recorded("analyze", analysisInputs(), lake.correlations(),
        "unchanged: computed from the same panel; not computed again",
        () -> analysed = AnalysisStage.run(catalog, lake.paths(), out, reuse));
  }

  /**
   * Runs a stage whose record says what it was computed from: skipped (when reusing) if the
   * record matches {@code inputs} and its {@code table} exists; else its record is removed, the
   * stage runs, and the record is written once its outputs are in place.
   */
  private void recorded(String stage, String inputs, String table, String unchangedText, Runnable work) {
    if (reuse && records.current(stage, inputs) && lake.exists(table)) {
      unchanged(stage, unchangedText);
      return;
    }
    long t0 = System.nanoTime();
    begin(stage);
    history.step(stage);
    records.forget(stage);
    work.run();
    records.write(stage, inputs, null);
    end(stage, t0);
  }

  /**
   * Draws the charts and writes a bundle (no Spark: from the results analyze computed in this
   * process when it ran, else from the analysis tables of the lake), which becomes
   * {@code bundles/latest} only when the publish checks pass or {@code publishAnyway}.
   *
   * @param maxQuarantinedPercent the quarantine threshold, or null for no quarantine check
   */
  public RenderStage.Rendered render(Double maxQuarantinedPercent, boolean publishAnyway) {
    String inputs = renderInputs(maxQuarantinedPercent, publishAnyway);
    Optional<Path> current = reuse ? publishedFrom(inputs) : Optional.empty();
    if (current.isPresent()) {
      RenderStage.Rendered same = new RenderStage.Rendered(current.get(),
          new org.staffoutcomes.publish.Verdict(List.of(), publishAnyway, List.of(), null));
      unchanged("render", "bundle " + same.runId() + " unchanged: drawn from the same analysis and inputs; not drawn again");
      history.checked(same);
      return same;
    }
    long t0 = System.nanoTime();
    begin("render");
    history.step("render");
    records.forget("render");
    RenderStage.Rendered rendered = RenderStage.render(catalog, workspace, started, out, maxQuarantinedPercent,
        publishAnyway, analysed, reuse);
    history.checked(rendered);
    if (rendered.verdict().passed()) {
      PausePoint.reach("published");
      // Only a bundle every check passed may be reused: one kept back, or published anyway, is drawn again.
      records.write("render", inputs, rendered.runId());
    }
    end("render", t0);
    return rendered;
  }

  /** The index.html of the bundle that {@code latest} points at, if render published it from {@code inputs}. */
  private Optional<Path> publishedFrom(String inputs) {
    if (!records.current("render", inputs)) {
      return Optional.empty();
    }
    String bundle = records.read("render").orElseThrow().bundle();
    Path latest = workspace.latestBundle();
    try {
      boolean isLatest = bundle != null && java.nio.file.Files.isSymbolicLink(latest)
          && java.nio.file.Files.readSymbolicLink(latest).toString().equals(bundle);
      Path index = workspace.bundles().resolve(bundle).resolve("index.html");
      return isLatest && java.nio.file.Files.isRegularFile(index) ? Optional.of(index) : Optional.empty();
    } catch (java.io.IOException e) {
      return Optional.empty(); // drawn again, which is always safe
    }
  }

  public Workspace workspace() {
    return workspace;
  }

  public Catalog catalog() {
    return catalog;
  }

  static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
