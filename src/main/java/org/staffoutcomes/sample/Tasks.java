package org.staffoutcomes.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

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
    return () -> {
      try {
        return result.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing the sample", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof IOException io) {
          throw new UncheckedIOException(io);
        }
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(cause);
      }
    };
  }

  /** Stops the pool; writers still running are interrupted (their results are no longer wanted). */
  @Override
  public void close() {
    pool.shutdownNow();
  }
}
