package org.staffoutcomes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.staffoutcomes.config.WorkLock;
import org.staffoutcomes.config.Workspace;

/**
 * One command at a time on a work folder, tried with real processes: a JVM holding the folder's
 * lock (a stand-in for a long run) and the command line run in another JVM against the same
 * folder. Also: a work folder that takes no writes is refused before any work, and every command
 * leaves a line in the folder's history.
 */
class WorkFolderTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  private final List<Process> started = new ArrayList<>();

  /** Holds the lock of the work folder {@code args[0]} until its standard input closes. */
  public static final class Holder {
    public static void main(String[] args) throws IOException {
      try (WorkLock lock = WorkLock.acquire(new Workspace(Path.of(args[0])), "run",
          new PrintWriter(System.err, true))) {
        System.out.println("holding");
        System.out.flush();
        while (System.in.read() >= 0) {
          // wait for the test to close standard input (or kill this process)
        }
      }
    }
  }

  record Result(int code, String out, String err) {}

  @AfterEach
  void stopProcesses() {
    started.forEach(Process::destroyForcibly);
  }

  private Process java(Class<?> main, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).start();
    started.add(p);
    return p;
  }

  /** A JVM that has taken the lock of the work folder (it said so). */
  private Process holder() throws IOException {
    Process p = java(Holder.class, work.toString());
    String first = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
    assertEquals("holding", first, () -> "the holder did not take the lock: " + stderr(p));
    return p;
  }

  private static String stderr(Process p) {
    try {
      p.waitFor(10, TimeUnit.SECONDS);
      return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | InterruptedException e) {
      return e.toString();
    }
  }

  /** The command line in its own JVM. */
  private Result cli(String... args) throws IOException, InterruptedException {
    Process p = java(Main.class, args);
    p.getOutputStream().close();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command line ended");
    return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  /** The command line in this JVM. */
  static Result inProcess(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  private List<JsonNode> history() throws IOException {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(work.resolve("history.jsonl"))) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  @Test
  void aSecondProcessIsRefusedAtOnceNamingTheHolder() throws Exception {
    Process holder = holder();
    long t0 = System.nanoTime();
    Result r = cli("render", "--workdir", work.toString());
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertEquals(ExitCodes.LOCKED, r.code(), r.err());
    assertTrue(r.err().matches("error: The work folder \\Q" + work.toRealPath() + "\\E is in use by another run: pid "
        + holder.pid() + " on host \\S+, started \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ \\(run\\); nothing was done\\R"),
        r.err());
    assertTrue(seconds < 60, "refused at once, not after work: " + seconds + " s");
    assertFalse(Files.exists(work.resolve("bundles")) || Files.exists(work.resolve("lake")), "nothing written");
    JsonNode refused = history().get(0);
    assertEquals(ExitCodes.LOCKED, refused.get("exit_code").asInt());
    assertEquals("locked", refused.get("outcome").asText());
    assertEquals("render", refused.get("command").asText());

    holder.getOutputStream().close(); // the holder finishes and releases the lock
    assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, holder.exitValue(), stderr(holder));
    assertEquals("", Files.readString(work.resolve(".lock")), "released: the lock file names nobody");
    Result after = cli("render", "--workdir", work.toString());
    assertEquals(ExitCodes.MISSING_STAGE, after.code(), "free again: render runs (and finds no analysis): " + after.err());
  }

  @Test
  void aLockWhoseProcessIsGoneIsTakenOverWithAWarning() throws Exception {
    Process holder = holder();
    long pid = holder.pid();
    holder.destroyForcibly(); // kill -9: no chance to release the lock
    assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
    assertTrue(Files.readString(work.resolve(".lock")).contains("\"pid\":" + pid), "the dead run's lock is left");

    Result r = cli("render", "--workdir", work.toString());
    assertEquals(ExitCodes.MISSING_STAGE, r.code(), "it went on to render: " + r.err());
    assertTrue(r.err().startsWith("warning: taking over the lock of " + work.toRealPath()
        + " from a run that is no longer running (pid " + pid + " on host "), r.err());
    assertEquals("", Files.readString(work.resolve(".lock")), "released at exit, also after an error");
  }

  @Test
  void aLockHeldOnAnotherHostIsRefusedSayingHowToClearIt() throws IOException {
    Files.writeString(work.resolve(".lock"), "{\"pid\":1,\"host\":\"elsewhere.example\",\"started\":"
        + "\"2026-05-01T02:00:00Z\",\"command\":\"run\",\"process_start\":null}\n");
    Result r = inProcess("render", "--workdir", work.toString());
    assertEquals(ExitCodes.LOCKED, r.code(), r.err());
    assertEquals("error: The work folder " + work.toRealPath() + " is in use by another run: pid 1 on host "
        + "elsewhere.example, started 2026-05-01T02:00:00Z (run) (if no run is going on elsewhere.example, remove "
        + work.toRealPath().resolve(".lock") + "); nothing was done", r.err().strip());
  }

  @Test
  void aWorkFolderThatTakesNoWritesIsExit8BeforeAnyWork() throws IOException {
    Path file = Files.writeString(work.resolve("not-a-folder"), "");
    Result r = inProcess("run", "--sample", "--workdir", file.toString());
    assertEquals(ExitCodes.WORK_FOLDER, r.code(), r.err());
    assertEquals("error: Cannot write to the work folder " + file.toRealPath() + ": it is not a folder; nothing was done",
        r.err().strip());

    Path lakeIsAFile = Files.createDirectories(work.resolve("w"));
    Files.writeString(lakeIsAFile.resolve("lake"), "");
    r = inProcess("ingest", "--workdir", lakeIsAFile.toString());
    assertEquals(ExitCodes.WORK_FOLDER, r.code(), r.err());
    assertTrue(r.err().startsWith("error: Cannot write to the work folder " + lakeIsAFile.toRealPath().resolve("lake")),
        r.err());
    assertFalse(Files.exists(lakeIsAFile.resolve("landing")) || Files.exists(lakeIsAFile.resolve(".lock")),
        "nothing done");
  }

  @Test
  void aReadOnlyWorkFolderIsExit8BeforeAnyWork() throws IOException {
    Path readOnly = Files.createDirectories(work.resolve("ro"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      Assumptions.assumeFalse(Files.isWritable(readOnly), "this user (root?) writes to read-only folders");
      Result r = inProcess("run", "--sample", "--workdir", readOnly.toString());
      assertEquals(ExitCodes.WORK_FOLDER, r.code(), r.err());
      assertEquals("error: Cannot write to the work folder " + readOnly.toRealPath() + ": permission denied; "
          + "nothing was done", r.err().strip());
      assertFalse(Files.exists(readOnly.resolve("landing")));
    } finally {
      Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void everyCommandLeavesALineInTheHistoryAndReleasesTheLock() throws IOException {
    Result r = inProcess("render", "--workdir", work.toString());
    assertEquals(ExitCodes.MISSING_STAGE, r.code());
    JsonNode line = history().get(0);
    assertEquals("render", line.get("command").asText());
    assertEquals(ExitCodes.MISSING_STAGE, line.get("exit_code").asInt());
    assertEquals("failed", line.get("outcome").asText());
    assertTrue(line.get("error").asText().contains("has not been written yet"), line.toString());
    assertEquals(List.of("render"), JSON.convertValue(line.get("steps"), List.class));
    assertTrue(line.get("published").isNull());
    assertTrue(line.get("id").asText().matches("\\d{8}T\\d{6}Z"), line.toString());
    assertEquals("", Files.readString(work.resolve(".lock")));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(work.resolve("history.jsonl"))));

    assertEquals(ExitCodes.USAGE, inProcess("render", "--workdir", work.toString(), "--keep-bundles", "0").code());
  }
}
