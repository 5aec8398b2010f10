package org.staffoutcomes.pipeline;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.staffoutcomes.analysis.AnalysisResults;
import org.staffoutcomes.analysis.AnalysisStage;
import org.staffoutcomes.analysis.AnalysisTables;
import org.staffoutcomes.analysis.UnknownOrganisations;
import org.staffoutcomes.bundle.RenderStage;
import org.staffoutcomes.config.Workspace;
import org.staffoutcomes.ingest.DatasetReport;
import org.staffoutcomes.ingest.IngestStage;
import org.staffoutcomes.lake.Lake;
import org.staffoutcomes.panel.PanelColumns;
import org.staffoutcomes.panel.PanelStage;
import org.staffoutcomes.panel.Succession;
import org.staffoutcomes.publish.KeptRows;
import org.staffoutcomes.schema.Catalog;
import org.staffoutcomes.schema.DatasetDescriptor;
import org.staffoutcomes.schema.Role;
import org.staffoutcomes.schema.SurveySpec;
import org.staffoutcomes.scores.ScoreStage;

/**
 * Runs the stages against one work folder: each stage reads its inputs from the lake, calls the
 * stage's dataset function, and replaces its output table. Progress goes to {@code out}, one line
 * per step with its figures.
 */
public final class Pipeline {

  private final SparkSession spark;
  private final Catalog catalog;
  private final Workspace workspace;
  private final Lake lake;
  private final PrintWriter out;
  private final Instant started = Instant.now();
  private final SparkProfile profile;
  private boolean printProfile;
  private RunHistory history;

  public Pipeline(SparkSession spark, Catalog catalog, Workspace workspace, PrintWriter out) {
    this.spark = spark;
    this.catalog = catalog;
    this.workspace = workspace;
    this.lake = new Lake(spark, workspace.root());
    this.out = out;
    this.profile = SparkProfile.attach(spark);
    this.history = new RunHistory("pipeline", started);
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
  private void begin(String step) {
    profile.step(step);
  }

  /** Prints the step's Spark figures when asked to. */
  private void end(String step, long t0) {
    if (printProfile) {
      profile.settle();
      SparkProfile.Figures f = profile.figures(step);
      out.printf("  profile %-22s wall %.1f s; %s%n", step, seconds(t0), f);
      out.flush();
    }
  }

  public Lake lake() {
    return lake;
  }

  /** Ingests every dataset of the catalog from {@code inputDir}. */
  public List<DatasetReport> ingest(String inputDir, boolean force) {
    IngestStage stage = new IngestStage(spark, lake);
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
        score(d);
      }
    }
    return reports;
  }

  /** A survey dataset's scores per organisation and year, from its lake rows. */
  private void score(DatasetDescriptor d) {
    long t0 = System.nanoTime();
    begin("score " + d.name());
    history.step("score " + d.name());
    lake.replace(lake.scores(d.name()), ScoreStage.scores(spark, d, lake.read(lake.raw(d.name()))));
    long n = lake.read(lake.scores(d.name())).count();
    out.printf("score  %-20s %,9d organisation-years scored from %s (%.1f s)%n", d.name(), n,
        d.survey().shape() == SurveySpec.Shape.MICRODATA ? "respondents, weighted to the national "
            + "occupation-group mix" : "published distributions", seconds(t0));
    out.flush();
    end("score " + d.name(), t0);
  }

  /** What the panel reads for a dataset: a survey dataset's scores, any other's lake rows. */
  private String panelInput(DatasetDescriptor d) {
    return d.survey() != null ? lake.scores(d.name()) : lake.raw(d.name());
  }

  /** Builds the trust x survey year panel from the lake. */
  public long panel() {
    long t0 = System.nanoTime();
    begin("panel");
    history.step("panel");
    Map<String, Dataset<Row>> rows = new LinkedHashMap<>();
    for (DatasetDescriptor d : catalog.datasets()) {
      rows.put(d.name(), lake.read(panelInput(d)));
    }
    lake.replace(lake.panel(), PanelStage.build(catalog, rows));
    Dataset<Row> panel = lake.read(lake.panel());
    long n = panel.count();
    long orgs = panel.select(PanelColumns.ORG_CODE).distinct().count();
    out.printf("panel  %,d organisation-years, %,d organisations, %d columns (%.1f s)%n",
        n, orgs, panel.columns().length, seconds(t0));
    out.flush();
    end("panel", t0);
    return n;
  }

  /** Every number the bundle shows, from the panel, into {@code lake/analysis/}. */
  public void analyze() {
    long t0 = System.nanoTime();
    begin("analyze");
    history.step("analyze");
    UnknownOrganisations.Split panel = AnalysisStage.collect(lake.read(lake.panel()), catalog,
        UnknownOrganisations.known(catalog, lake.paths()));
    AnalysisResults results = AnalysisStage.analyse(catalog, panel.analysed(), successions(), panel.unknown());
    AnalysisTables.write(lake.paths(), results);
    KeptRows.write(catalog, lake.paths());
    if (!panel.unknown().isEmpty()) {
      out.printf("analyze left out %d organisation code(s) that no reference knows: %s%n", panel.unknown().size(),
          String.join(", ", panel.unknown().stream().map(u -> u.orgCode()).limit(10).toList())
              + (panel.unknown().size() > 10 ? ", ..." : ""));
    }
    out.printf("analyze %,d correlation rows, %,d trend rows, %,d quintile share rows (%.1f s)%n",
        results.correlations().size(), results.trends().size(), results.shares().size(), seconds(t0));
    out.flush();
    end("analyze", t0);
  }

  /**
   * The dated successions, when the catalog restates merged organisations and its successors
   * dataset has an effective date; else null.
   */
  private Succession.Table successions() {
    Optional<DatasetDescriptor> successors = catalog.withRole(Role.SUCCESSORS).stream().findFirst();
    if (catalog.succession() != Catalog.Succession.RESTATE || successors.isEmpty()
        || successors.get().column(Succession.EFFECTIVE_DATE).isEmpty()) {
      return null;
    }
    return PanelStage.successions(catalog,
        Map.of(successors.get().name(), lake.read(lake.raw(successors.get().name()))));
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
