package dev.orgvend.core.check;

import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.baseline.Baseline;
import dev.orgvend.core.baseline.BaselineRunner;
import dev.orgvend.core.baseline.ComponentResult;
import dev.orgvend.core.baseline.Finding;
import dev.orgvend.core.baseline.Status;
import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.spec.AccountSpec;
import dev.orgvend.core.spec.Spec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Compares every account of the spec with AWS, read-only: place in the organization, tags, and
 * every baseline component. Accounts are checked in parallel, at most {@code parallelism} at a
 * time, and each result goes to the listener as soon as it is ready; nothing keeps the results,
 * so memory does not grow with the fleet. Whatever goes wrong with one account (role missing,
 * access denied, AWS errors) becomes findings in its result, never the end of the sweep.
 */
public final class FleetChecker {
  private final BaselineRunner runner;
  private final Map<String, Baseline> baselines;
  private final ExecutorService pool;
  private final int parallelism;

  public FleetChecker(BaselineRunner runner, Map<String, Baseline> baselines,
      ExecutorService pool, int parallelism) {
    this.runner = runner;
    this.baselines = Map.copyOf(baselines);
    this.pool = pool;
    this.parallelism = parallelism;
  }

  /** Checks the fleet; returns when every account has been handed to {@code listener}. */
  public CheckSummary check(Spec spec, LiveOrganization live, CheckListener listener) {
    CheckSummary summary = new CheckSummary();
    summary.reminders(reminders(spec));
    CheckListener sink = CheckListener.all(List.of(summary, listener));
    Map<String, LiveOrganization.Account> byEmail = new HashMap<>();
    live.accounts().forEach(a -> byEmail.put(a.email().toLowerCase(Locale.ROOT), a));
    Semaphore slots = new Semaphore(parallelism);
    AtomicReference<RuntimeException> stop = new AtomicReference<>();
    try {
      for (AccountSpec account : spec.accounts()) {
        slots.acquire();
        if (stop.get() != null) {
          break;
        }
        LiveOrganization.Account existing =
            byEmail.get(account.email().toLowerCase(Locale.ROOT));
        pool.submit(() -> {
          try {
            AccountCheck result = checkOne(account, existing, live);
            synchronized (sink) {
              sink.account(result);
            }
          } catch (RuntimeException e) {
            // Interrupted, or a report that cannot be written: the sweep cannot go on.
            stop.compareAndSet(null, e);
          } finally {
            slots.release();
          }
        });
      }
      slots.acquire(parallelism);
      slots.release(parallelism);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AwsCaller.Interrupted();
    }
    if (stop.get() != null) {
      throw stop.get();
    }
    return summary;
  }

  private AccountCheck checkOne(AccountSpec account, LiveOrganization.Account existing,
      LiveOrganization live) {
    List<ComponentResult> results = new ArrayList<>();
    Baseline baseline = account.baseline() == null ? null : baselines.get(account.baseline());
    List<String> components = baseline == null ? List.of() : baseline.componentNames();
    if (existing == null || existing.closed()) {
      Finding why = existing == null
          ? Finding.missing(AccountCheck.PLACEMENT, "account", "the account does not exist in"
              + " the organization; apply creates it")
          : new Finding(AccountCheck.PLACEMENT, Status.UNREACHABLE, "account", "account "
              + existing.id() + " is " + existing.state() + "; a closed account cannot be used,"
              + " give the spec's account a new e-mail address", null, null);
      results.add(result(AccountCheck.PLACEMENT, List.of(why)));
      for (String c : components) {
        results.add(result(c, List.of(new Finding(c, why.status(), c, "not checked: "
            + why.message(), null, null))));
      }
      return new AccountCheck(account.name(), account.email(),
          existing == null ? null : existing.id(), account.ouPath().toString(),
          account.baseline(), results);
    }
    results.add(result(AccountCheck.PLACEMENT, OrgChecks.placement(account, existing, live)));
    results.add(result(AccountCheck.TAGS, OrgChecks.tags(account, live.tagsOf(existing.id()))));
    if (baseline != null) {
      results.addAll(runner.inspect(new BaselineRunner.Target(existing.id(), account.name(),
          account.roleName()), baseline).components());
    }
    return new AccountCheck(account.name(), account.email(), existing.id(),
        account.ouPath().toString(), account.baseline(), results);
  }

  private static ComponentResult result(String component, List<Finding> findings) {
    return new ComponentResult(component, Status.of(findings), findings, List.of());
  }

  private List<String> reminders(Spec spec) {
    Set<String> out = new LinkedHashSet<>();
    spec.accounts().stream().map(AccountSpec::baseline).distinct()
        .map(name -> name == null ? null : baselines.get(name))
        .filter(b -> b != null).forEach(b -> out.addAll(b.reminders()));
    return List.copyOf(out);
  }
}
