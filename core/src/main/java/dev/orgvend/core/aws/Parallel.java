package dev.orgvend.core.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Waiting for a batch of parallel AWS work: the results in order, the first failure rethrown as
 * it was, and on interruption (Ctrl-C) the rest cancelled and {@link AwsCaller.Interrupted}.
 */
public final class Parallel {
  private Parallel() {}

  public static <T> List<T> results(List<? extends Future<T>> work) {
    List<T> out = new ArrayList<>(work.size());
    try {
      for (Future<T> f : work) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      work.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new AwsCaller.Interrupted();
    } catch (ExecutionException e) {
      work.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  public static void awaitAll(List<? extends Future<?>> work) {
    @SuppressWarnings("unchecked")
    List<Future<Object>> all = (List<Future<Object>>) work;
    results(all);
  }
}
