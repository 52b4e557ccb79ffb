package dev.iamaudit.iam;

import dev.iamaudit.failure.DataException;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs a pull's independent calls side by side, each on a thread of its own as soon as it is
 * started: nothing waits for a free thread, since each mostly waits for IBM. The first failure ends
 * the pull: whoever waits for any of the calls gets it at once, and closing stops the rest, whose
 * answers are no use without it.
 */
final class Parallel implements AutoCloseable {
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "iam-audit-fetch");
            thread.setDaemon(true);
            return thread;
          });
  private final CompletableFuture<Void> failed = new CompletableFuture<>();

  <T> CompletableFuture<T> start(Callable<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    threads.execute(
        () -> {
          try {
            result.complete(task.call());
          } catch (Throwable e) {
            failed.completeExceptionally(e);
            result.completeExceptionally(e);
          }
        });
    return result;
  }

  /**
   * Waits for {@code work}, or for the first failure of any, passing it on as if it had happened
   * here.
   */
  <T> T join(CompletableFuture<T> work) {
    try {
      CompletableFuture.anyOf(work, failed).get();
      return work.getNow(null);
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
    } catch (CancellationException e) {
      throw new DataException("Fetching from IBM Cloud was cancelled", e);
    }
  }

  /** Stops whatever still runs. */
  @Override
  public void close() {
    threads.shutdownNow();
  }
}
