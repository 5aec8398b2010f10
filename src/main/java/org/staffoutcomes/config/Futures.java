package org.staffoutcomes.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work done on a pool thread, its failure rethrown as it was thrown there. */
public final class Futures {

  private Futures() {}

  /**
   * The result of {@code f}; a runtime exception or error of the task is rethrown as is, an
   * {@link IOException} as an {@link UncheckedIOException}.
   *
   * @param doing what the task does, for the message when the wait is interrupted
   */
  public static <T> T join(Future<T> f, String doing) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + doing, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      if (cause instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw new IllegalStateException(cause);
    }
  }
}
