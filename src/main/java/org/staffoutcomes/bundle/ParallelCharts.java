package org.staffoutcomes.bundle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.staffoutcomes.charts.RenderedChart;

/**
 * The charts of a bundle, drawn on a fixed pool of threads from the moment each is listed (the
 * calling thread goes on writing tables and pages meanwhile) and added to the page in the order
 * they were listed, so the bundle is the same whatever thread drew what. Each task builds its own
 * chart objects (JFreeChart's are not thread-safe) and writes only its own files, whose names were
 * handed out before ({@link BundleFolder} is used on the calling thread only).
 */
final class ParallelCharts implements AutoCloseable {

  /** Threads drawing charts: the machines this runs on have 2 cores or more. */
  static final int THREADS = 2;

  /** A chart listed; {@code files}: what it is drawn into, when it may be taken from an earlier bundle. */
  private record Task(Section section, Future<RenderedChart> drawn, List<java.nio.file.Path> files) {}

  private final List<Task> tasks = new ArrayList<>();
  private final ExecutorService pool;
  private final BundleFolder folder;
  private final ChartReuse reuse;

  /** Draws every chart. */
  ParallelCharts() {
    this(null, null);
  }

  /**
   * Takes from an earlier bundle each chart listed with its inputs that it drew from the same
   * inputs ({@link ChartReuse}), and draws the others.
   *
   * @param folder the bundle being built
   * @param reuse the charts of earlier bundles (null: every chart is drawn)
   */
  ParallelCharts(BundleFolder folder, ChartReuse reuse) {
    this.folder = folder;
    this.reuse = reuse;
    AtomicInteger number = new AtomicInteger();
    pool = Executors.newFixedThreadPool(THREADS, r -> {
      Thread t = new Thread(r, "render-" + number.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Lists a chart and starts drawing it on one of the pool's threads. */
  void add(Section section, Callable<RenderedChart> draw) {
    tasks.add(new Task(section, pool.submit(draw), null));
  }

  /**
   * Lists a chart drawn from {@code inputs} (every value it is drawn from) into {@code files} (the
   * files {@code draw} writes, the first naming the chart): on one of the pool's threads, taken from
   * an earlier bundle that drew it from the same inputs, else drawn.
   */
  void add(Section section, List<?> inputs, List<java.nio.file.Path> files, Callable<RenderedChart> draw) {
    if (reuse == null) {
      add(section, draw);
      return;
    }
    // Whether it can be taken is decided on the pool too: digesting its inputs is work.
    tasks.add(new Task(section, pool.submit(() -> {
      java.util.Optional<RenderedChart> taken = reuse.take(folder, inputs, files);
      return taken.isPresent() ? taken.get() : draw.call();
    }), files));
  }

  /** Waits for every chart listed, then adds them to {@code folder} in the order listed. */
  void drawInto(BundleFolder folder) throws IOException {
    for (Task t : tasks) {
      RenderedChart chart = result(t.drawn());
      if (t.files() != null) {
        reuse.record(folder, t.files(), chart);
      }
      folder.add(t.section(), chart);
    }
  }

  /** Stops drawing what is not drawn yet (after a failure; a no-op once every chart is added). */
  @Override
  public void close() {
    pool.shutdownNow();
  }

  private static RenderedChart result(Future<RenderedChart> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while drawing the charts", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IOException("Cannot draw a chart: " + cause, cause);
    }
  }
}
