package org.staffoutcomes.pipeline;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.staffoutcomes.analysis.AnalysisStage;
import org.staffoutcomes.bundle.RenderStage;
import org.staffoutcomes.config.Workspace;
import org.staffoutcomes.ingest.DatasetReport;
import org.staffoutcomes.ingest.IngestStage;
import org.staffoutcomes.ingest.LakeRows;
import org.staffoutcomes.lake.Lake;
import org.staffoutcomes.panel.PanelStage;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.schema.SurveySpec;
import org.staffoutcomes.scores.ScoreStage;

/**
 * Runs the stages against one work folder: each stage reads its inputs from the lake, calls the
 * stage's dataset function, and replaces its output table. Progress goes to {@code out}, one line
 * per step with its figures.
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

  /** Ingests every dataset of the catalog from {@code inputDir}. */
  public List<DatasetReport> ingest(String inputDir, boolean force) {
    IngestStage stage = new IngestStage(this::spark, lake, org.staffoutcomes.config.Settings.driverParseBytes());
    List<DatasetReport> reports = new ArrayList<>();
    for (DatasetDescriptor d : catalog.datasets()) {
      long t0 = System.nanoTime();
      begin("ingest " + d.name());
      DatasetReport r = stage.run(d, inputDir, force);
      reports.add(r);
      history.ingested(r);
      if (!r.skipped()) {
        history.step("ingest " + d.name());
      }
      out.printf("ingest %-20s %3d files %,9d rows read = %,9d kept + %,6d quarantined%s (%.1f s)%n",
          d.name(), r.files().size(), r.rowsRead(), r.rowsKept(), r.rowsQuarantined(),
          r.skipped() ? ", unchanged since last ingest: not re-read" : "", seconds(t0));
      out.flush();
      end("ingest " + d.name(), t0);
      if (d.survey() != null && (!r.skipped() || !lake.exists(lake.scores(d.name())))) {
        score(d, stage.takeDriverRows(d.name()));
      }
    }
    return reports;
  }

  /**
   * A survey dataset's scores per organisation and year: from its rows still held by the driver
   * when it was small enough to be parsed there (no Spark), else from its lake rows by Spark.
   */
  private void score(DatasetDescriptor d, Optional<List<Row>> parsedInDriver) {
    long t0 = System.nanoTime();
    begin("score " + d.name());
    history.step("score " + d.name());
    long n;
    if (parsedInDriver.isPresent()) {
      List<Row> scores = ScoreStage.scoresInDriver(d, parsedInDriver.get(), LakeRows.keptSchema(d));
      lake.replace(lake.scores(d.name()), scores, ScoreStage.schema(d));
      n = scores.size();
    } else {
      lake.replace(lake.scores(d.name()), ScoreStage.scores(spark(), d, lake.read(lake.raw(d.name()))));
      n = lake.read(lake.scores(d.name())).count();
    }
    out.printf("score  %-20s %,9d organisation-years scored from %s (%.1f s)%n", d.name(), n,
        d.survey().shape() == SurveySpec.Shape.MICRODATA ? "respondents, weighted to the national "
            + "occupation-group mix" : "published distributions", seconds(t0));
    out.flush();
    end("score " + d.name(), t0);
  }

  /** Builds the trust x survey year panel from the lake (no Spark: see PanelStage). */
  public long panel() {
    long t0 = System.nanoTime();
    begin("panel");
    history.step("panel");
    long n = PanelStage.run(catalog, lake.paths(), out);
    end("panel", t0);
    return n;
  }

  /** Every number the bundle shows, from the panel, into {@code lake/analysis/} (no Spark). */
  public void analyze() {
    long t0 = System.nanoTime();
    begin("analyze");
    history.step("analyze");
    AnalysisStage.run(catalog, lake.paths(), out);
    end("analyze", t0);
  }

  /**
   * Draws the charts and writes a bundle (no Spark: it reads the analysis tables), which becomes
   * {@code bundles/latest} only when the publish checks pass or {@code publishAnyway}.
   *
   * @param maxQuarantinedPercent the quarantine threshold, or null for no quarantine check
   */
  public RenderStage.Rendered render(Double maxQuarantinedPercent, boolean publishAnyway) {
    long t0 = System.nanoTime();
    begin("render");
    history.step("render");
    RenderStage.Rendered rendered = RenderStage.render(catalog, workspace, started, out, maxQuarantinedPercent,
        publishAnyway);
    history.checked(rendered);
    end("render", t0);
    return rendered;
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
