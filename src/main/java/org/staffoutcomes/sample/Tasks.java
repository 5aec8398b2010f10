package org.staffoutcomes.sample;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.staffoutcomes.config.Futures;

/**
 * The generator's writers run on a pool of one thread per core: each writes its own files from its
 * own random stream and reads the drawn world only, so the files are the same whatever the order.
 * A result is taken in the order the writers were listed; a writer's failure is rethrown there.
 */
final class Tasks implements AutoCloseable {

  /** A writer: returns its result or fails with an I/O error. */
  interface Writer<T> {
    T write() throws IOException;
  }

  private final ExecutorService pool;

  Tasks(int threads) {
    pool = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
      Thread t = new Thread(runnable, "sample-writer");
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts {@code writer}; the supplier waits for its result. */
  <T> Supplier<T> submit(Writer<T> writer) {
    Future<T> result = pool.submit(writer::write);
    return () -> Futures.join(result, "writing the sample");
  }

  /** Stops the pool; writers still running are interrupted (their results are no longer wanted). */
  @Override
  public void close() {
    pool.shutdownNow();
  }
}
