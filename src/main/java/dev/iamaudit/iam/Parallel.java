package dev.iamaudit.iam;

import dev.iamaudit.failure.DataException;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for work running on the pool, passing its failure on as if it had happened here. */
final class Parallel {
  private Parallel() {}

  static <T> T join(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DataException("Interrupted while fetching from IBM Cloud", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new DataException("Fetching from IBM Cloud failed: " + e.getCause(), e.getCause());
    }
  }

  /** Stops the rest once one has failed: its answer is no use without the others. */
  static void cancelAll(List<? extends Future<?>> futures) {
    futures.forEach(future -> future.cancel(true));
  }
}
