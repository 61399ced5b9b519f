package dev.orgvend.core.apply;

import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.time.Ticker;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;

/**
 * Watches create-account requests until they finish, for all of them at once: one
 * ListCreateAccountStatus(IN_PROGRESS) call per poll tells which requests are still running,
 * and only those that left the list are described. Polls come quickly at first and further
 * apart as requests age (a twentieth of the oldest request's age, between the bounds); once a
 * creation has finished, its duration predicts the others', and a poll is also made the moment
 * the next request is expected to finish. So a sandbox that creates in seconds and AWS that
 * takes minutes are both followed closely without waste. Ages and waits are read from the
 * {@link Ticker}, so tests drive the poller with a fake one.
 */
final class CreationTracker implements AutoCloseable {
  private final OrganizationsClient orgs;
  private final AwsCaller caller;
  private final Ticker ticker;
  private final Duration minInterval;
  private final Duration maxInterval;
  private final Map<String, Watch> watched = new ConcurrentHashMap<>();
  private final Thread poller;
  private volatile boolean closed;
  /** The quickest creation seen so far; null until one finished while watched. */
  private volatile Duration quickest;

  /** A request being watched, and since when (the ticker's nanoseconds). */
  private record Watch(CompletableFuture<CreateAccountStatus> future, long since) {}

  CreationTracker(OrganizationsClient orgs, AwsCaller caller, Ticker ticker,
      Duration minInterval, Duration maxInterval) {
    this.orgs = orgs;
    this.caller = caller;
    this.ticker = ticker;
    this.minInterval = minInterval;
    this.maxInterval = maxInterval;
    this.poller = new Thread(this::loop, "orgvend-creation-poller");
    poller.setDaemon(true);
    poller.start();
  }

  /** A future that completes with the request's final status (SUCCEEDED or FAILED). */
  CompletableFuture<CreateAccountStatus> watch(String requestId) {
    Watch w = watched.computeIfAbsent(requestId,
        id -> new Watch(new CompletableFuture<>(), ticker.nanoTime()));
    synchronized (this) {
      notifyAll();
    }
    return w.future();
  }

  private void loop() {
    while (!closed) {
      try {
        synchronized (this) {
          // Nothing to follow: wait for the next watch (or close, which interrupts).
          while (watched.isEmpty()) {
            wait();
          }
        }
        ticker.sleep(interval());
        poll();
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // A poll failed even after retries; the next one tries again. Waiters have their own
        // deadlines, so a lasting outage ends the run rather than hanging it.
      }
    }
  }

  /** How long to wait before the next poll. */
  Duration interval() {
    long now = ticker.nanoTime();
    long oldest = watched.values().stream().mapToLong(Watch::since).min().orElse(now);
    Duration wait = clamp(Duration.ofNanos(now - oldest).dividedBy(20));
    Duration typical = quickest;
    if (typical != null) {
      // Poll when the next request should be done, if that comes before the regular poll.
      Duration quick = minInterval.dividedBy(2);
      for (Watch w : watched.values()) {
        Duration untilDue = Duration.ofNanos(w.since() - now).plus(typical).plusMillis(20);
        Duration candidate = !untilDue.isNegative() ? untilDue
            // just overdue: it is about to finish, keep looking closely for a little while
            : untilDue.negated().compareTo(typical.dividedBy(4)) < 0 ? quick : wait;
        if (candidate.compareTo(quick) < 0) {
          candidate = quick;
        }
        if (candidate.compareTo(wait) < 0) {
          wait = candidate;
        }
      }
    }
    return wait;
  }

  private Duration clamp(Duration d) {
    if (d.compareTo(minInterval) < 0) {
      return minInterval;
    }
    return d.compareTo(maxInterval) > 0 ? maxInterval : d;
  }

  private void learn(Watch w) {
    Duration took = Duration.ofNanos(ticker.nanoTime() - w.since());
    Duration q = quickest;
    if (q == null || took.compareTo(q) < 0) {
      quickest = took;
    }
  }

  private void poll() {
    Set<String> running = new HashSet<>();
    String token = null;
    do {
      String t = token;
      var page = caller.call("ListCreateAccountStatus", () -> orgs.listCreateAccountStatus(
          r -> r.states(CreateAccountState.IN_PROGRESS).maxResults(20).nextToken(t)));
      page.createAccountStatuses().forEach(s -> running.add(s.id()));
      token = page.nextToken();
    } while (token != null);
    for (Map.Entry<String, Watch> e : watched.entrySet()) {
      if (running.contains(e.getKey())) {
        continue;
      }
      String id = e.getKey();
      CreateAccountStatus status = caller.call("DescribeCreateAccountStatus",
          () -> orgs.describeCreateAccountStatus(r -> r.createAccountRequestId(id)))
          .createAccountStatus();
      if (status.state() != CreateAccountState.IN_PROGRESS) {
        watched.remove(id);
        learn(e.getValue());
        e.getValue().future().complete(status);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    poller.interrupt();
    watched.values().forEach(w -> w.future().cancel(true));
    try {
      // Let a poll in flight finish, so it does not outlive the clients it uses.
      poller.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
