package org.staffoutcomes.pipeline;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.SparkSession;

/**
 * Where a run's time goes inside Spark: a listener that counts, per pipeline step, the Spark jobs,
 * stages, tasks, shuffled bytes and executor time. The step's wall time minus its executor time
 * is work outside Spark tasks (the driver: hashing, planning, chart drawing, waiting). Printed by
 * {@code --profile}; see notebooks-docs/performance.md.
 */
public final class SparkProfile extends SparkListener {

  /** Figures of one step; mutable while the step runs. */
  public static final class Figures {
    long jobs;
    long stages;
    long tasks;
    long shuffleWriteBytes;
    long shuffleReadBytes;
    long executorRunMillis;

    @Override
    public String toString() {
      return String.format("%d jobs, %d stages, %d tasks, shuffle %s written / %s read, executor time %.1f s",
          jobs, stages, tasks, bytes(shuffleWriteBytes), bytes(shuffleReadBytes), executorRunMillis / 1000.0);
    }

    public long jobs() {
      return jobs;
    }
  }

  /** The local property a job carries its step in (the listener bus delivers events late). */
  private static final String STEP = "staffoutcomes.step";

  private final SparkSession spark;
  private final Map<String, Figures> bySteps = new LinkedHashMap<>();
  private final Map<Integer, String> stepOfStage = new HashMap<>();

  private SparkProfile(SparkSession spark) {
    this.spark = spark;
  }

  /** Registers a new profile on the session's context. */
  public static SparkProfile attach(SparkSession spark) {
    SparkProfile p = new SparkProfile(spark);
    spark.sparkContext().addSparkListener(p);
    return p;
  }

  /** Jobs started from this thread from now on count towards {@code name}. */
  public synchronized void step(String name) {
    spark.sparkContext().setLocalProperty(STEP, name);
    bySteps.computeIfAbsent(name, k -> new Figures());
  }

  /** Waits until the listener has seen every event posted so far, so the figures are complete. */
  public void settle() {
    try {
      spark.sparkContext().listenerBus().waitUntilEmpty(10_000);
    } catch (java.util.concurrent.TimeoutException e) {
      // figures may then miss the last events; they are a diagnostic, not a result
    }
  }

  public synchronized Figures figures(String name) {
    return bySteps.computeIfAbsent(name, k -> new Figures());
  }

  @Override
  public synchronized void onJobStart(SparkListenerJobStart jobStart) {
    String name = jobStart.properties() == null ? null : jobStart.properties().getProperty(STEP);
    String step = name == null ? "(other)" : name;
    figures(step).jobs++;
    for (StageInfo s : scala.collection.JavaConverters.seqAsJavaList(jobStart.stageInfos())) {
      stepOfStage.put(s.stageId(), step);
    }
  }

  @Override
  public synchronized void onStageCompleted(SparkListenerStageCompleted completed) {
    StageInfo info = completed.stageInfo();
    Figures f = figures(stepOfStage.getOrDefault(info.stageId(), "(other)"));
    f.stages++;
    f.tasks += info.numTasks();
    if (info.taskMetrics() != null) {
      f.shuffleWriteBytes += info.taskMetrics().shuffleWriteMetrics().bytesWritten();
      f.shuffleReadBytes += info.taskMetrics().shuffleReadMetrics().totalBytesRead();
      f.executorRunMillis += info.taskMetrics().executorRunTime();
    }
  }

  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    if (n < 1024 * 1024) {
      return String.format("%.1f KB", n / 1024.0);
    }
    return String.format("%.1f MB", n / (1024.0 * 1024));
  }
}
