package dev.orgvend.core.aws;

import java.time.Duration;

/** Time as the retry and pacing code sees it; tests substitute a fake that does not sleep. */
public interface Pacer {
  long nanoTime();

  void sleep(Duration duration) throws InterruptedException;

  static Pacer system() {
    return new Pacer() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public void sleep(Duration duration) throws InterruptedException {
        if (!duration.isNegative() && !duration.isZero()) {
          Thread.sleep(duration.toMillis(), (int) (duration.toNanosPart() % 1_000_000));
        }
      }
    };
  }
}
