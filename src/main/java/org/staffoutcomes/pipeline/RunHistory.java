package org.staffoutcomes.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.staffoutcomes.bundle.RenderStage;
import org.staffoutcomes.config.Settings;
import org.staffoutcomes.config.Workspace;
import org.staffoutcomes.ingest.DatasetReport;
import org.staffoutcomes.publish.Verdict;

/**
 * One line of the work folder's run history, {@code DIR/history.jsonl}: what one command did,
 * filled in as it goes and appended when it ends (also when it fails, or is refused because
 * another command holds the folder). Fields, in order:
 *
 * <ul>
 *   <li>{@code id}: the bundle it published or kept unpublished, else the run id of its start (UTC,
 *       to the second);
 *   <li>{@code command}, {@code start}, {@code end} (ISO-8601, UTC), {@code seconds}, {@code
 *       exit_code}, {@code pid}, {@code version};
 *   <li>{@code outcome}: {@code published}, {@code nothing_changed} (a {@code run} with nothing to
 *       do), {@code done} (a stage command), {@code locked} (refused) or {@code failed};
 *   <li>{@code published}: the bundle's run id, or null; {@code unchanged_since}: with {@code
 *       nothing_changed}, the bundle that is still current;
 *   <li>{@code steps}: what ran, in order ({@code ingest <dataset>} for each dataset read again,
 *       {@code score <dataset>}, {@code panel}, {@code analyze}, {@code render});
 *   <li>{@code datasets}: per dataset ingested, {@code read_again}, {@code files}, {@code
 *       rows_read}, {@code rows_kept}, {@code rows_quarantined};
 *   <li>{@code unpublished}: the bundle written but kept from {@code latest} because a publish check
 *       failed, or null; {@code checks_failed}: each failed publish check ({@code check}, {@code
 *       dataset}, {@code message}); {@code published_anyway}: true when {@code --publish-anyway}
 *       published despite them;
 *   <li>{@code pruned}: old bundles removed after publishing; {@code leftovers} (only when there
 *       were any): what an interrupted command had left and this one restored or removed first;
 *       {@code error}: the error line, or null.
 * </ul>
 */
public final class RunHistory {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String command;
  private final Instant start;
  private final List<String> steps = new ArrayList<>();
  private final List<DatasetReport> datasets = new ArrayList<>();
  private final List<String> pruned = new ArrayList<>();
  private String published;
  private String unpublished;
  private Verdict verdict;
  private String unchangedSince;
  private String leftovers;
  private boolean locked;

  public RunHistory(String command, Instant start) {
    this.command = command;
    this.start = start;
  }

  /** A step that ran. */
  public void step(String step) {
    steps.add(step);
  }

  /** A dataset's ingest report (read again or not). */
  public void ingested(DatasetReport report) {
    datasets.add(report);
  }

  /** A bundle rendered: published, or kept unpublished because a publish check failed. */
  public void checked(RenderStage.Rendered rendered) {
    verdict = rendered.verdict();
    if (verdict.publishes()) {
      published = rendered.runId();
    } else {
      unpublished = rendered.runId();
    }
  }

  /** Nothing to do: {@code bundle} is still current. */
  public void nothingChanged(String bundle) {
    unchangedSince = bundle;
  }

  /** Refused: another command holds the work folder. */
  public void locked() {
    locked = true;
  }

  /** What an interrupted command had left, restored or removed before this one started (one line). */
  public void leftovers(String description) {
    leftovers = description;
  }

  /** Old bundles removed after publishing. */
  public void pruned(List<String> bundles) {
    pruned.addAll(bundles);
  }

  /** Appends this command's line to {@code DIR/history.jsonl} (made 0644 if new). */
  public void append(Workspace workspace, int exitCode, String error) throws IOException {
    Path file = workspace.history();
    boolean created = !Files.exists(file);
    byte[] line = (JSON.writeValueAsString(line(exitCode, error, Instant.now())) + "\n")
        .getBytes(StandardCharsets.UTF_8);
    Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    if (created && Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  Map<String, Object> line(int exitCode, String error, Instant end) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", published != null ? published : unpublished != null ? unpublished : RenderStage.RUN_ID.format(start));
    m.put("command", command);
    m.put("start", start.toString());
    m.put("end", end.toString());
    m.put("seconds", Math.round((end.toEpochMilli() - start.toEpochMilli()) / 100.0) / 10.0);
    m.put("exit_code", exitCode);
    m.put("outcome", outcome(exitCode));
    m.put("published", published);
    if (unchangedSince != null) {
      m.put("unchanged_since", unchangedSince);
    }
    m.put("steps", steps);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (DatasetReport d : datasets) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("dataset", d.dataset());
      r.put("read_again", !d.skipped());
      r.put("files", d.files().size());
      r.put("rows_read", d.rowsRead());
      r.put("rows_kept", d.rowsKept());
      r.put("rows_quarantined", d.rowsQuarantined());
      rows.add(r);
    }
    m.put("datasets", rows);
    m.put("unpublished", unpublished);
    m.put("checks_failed", verdict == null ? List.of() : verdict.failed());
    m.put("published_anyway", verdict != null && verdict.publishAnyway() && !verdict.passed());
    m.put("pruned", pruned);
    if (leftovers != null) {
      m.put("leftovers", leftovers);
    }
    m.put("error", error);
    m.put("pid", ProcessHandle.current().pid());
    m.put("version", Settings.projectVersion());
    return m;
  }

  private String outcome(int exitCode) {
    if (published != null) {
      return "published";
    }
    if (unchangedSince != null) {
      return "nothing_changed";
    }
    if (locked) {
      return "locked";
    }
    return exitCode == 0 ? "done" : "failed";
  }
}
