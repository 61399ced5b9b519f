package dev.orgvend.sandbox.state;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one lock around all sandbox state. Every operation runs inside {@link #transact}: first
 * the world catches up with the clock (pending account creations finish, and so on), then the
 * operation runs, then its changes are committed to the store together.
 *
 * <p>One lock keeps the emulation simple and exactly serialisable; operations take microseconds,
 * and signature checks and parsing happen outside it, so it is not the bottleneck.
 */
public final class World {
  private final Object lock = new Object();
  private final SandboxClock clock;
  private final Ids ids;
  private final Store store;
  private final List<Consumer<Instant>> settlers = new CopyOnWriteArrayList<>();

  public World(SandboxClock clock, Ids ids, Store store) {
    this.clock = clock;
    this.ids = ids;
    this.store = store;
  }

  public SandboxClock clock() {
    return clock;
  }

  public Ids ids() {
    return ids;
  }

  public Store store() {
    return store;
  }

  /** Registers work that brings state up to date with time (runs before every operation). */
  public void onSettle(Consumer<Instant> settler) {
    settlers.add(settler);
  }

  public <T> T transact(Supplier<T> work) {
    synchronized (lock) {
      try {
        Instant now = clock.now();
        for (Consumer<Instant> settler : settlers) {
          settler.accept(now);
        }
        return work.get();
      } finally {
        store.commit();
      }
    }
  }

  public void transact(Runnable work) {
    transact(
        () -> {
          work.run();
          return null;
        });
  }
}
