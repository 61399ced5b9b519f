package dev.orgvend.sandbox.realism;

import java.time.Duration;

/** Holds an answer back. The sandbox really waits; a test of the stage can record instead. */
@FunctionalInterface
public interface Pause {
  void hold(Duration duration);

  /** Sleeps the request's thread; an interrupt cuts the wait short and stays set. */
  Pause SLEEP = duration -> {
    if (duration.isZero()) {
      return;
    }
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  };
}
