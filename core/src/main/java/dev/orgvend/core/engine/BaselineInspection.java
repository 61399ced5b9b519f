package dev.orgvend.core.engine;

import dev.orgvend.core.aws.Parallel;
import dev.orgvend.core.baseline.AccountResult;
import dev.orgvend.core.baseline.Baseline;
import dev.orgvend.core.baseline.BaselineRunner;
import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.spec.AccountSpec;
import dev.orgvend.core.spec.Spec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * What planning needs to know of baselines: the state of every spec account that exists, is
 * open and has a baseline, read in parallel with read calls only.
 */
final class BaselineInspection {
  private final BaselineRunner runner;
  private final ExecutorService pool;

  BaselineInspection(BaselineRunner runner, ExecutorService pool) {
    this.runner = runner;
    this.pool = pool;
  }

  /** Results by account id. */
  Map<String, AccountResult> inspect(Spec spec, Map<String, Baseline> baselines,
      LiveOrganization live) {
    Map<String, AccountResult> results = new ConcurrentHashMap<>();
    Map<String, LiveOrganization.Account> byEmail = new HashMap<>();
    live.accounts().forEach(a -> byEmail.put(a.email().toLowerCase(Locale.ROOT), a));
    List<Future<?>> work = new ArrayList<>();
    for (AccountSpec account : spec.accounts()) {
      Baseline baseline = account.baseline() == null ? null : baselines.get(account.baseline());
      LiveOrganization.Account existing = byEmail.get(account.email().toLowerCase(Locale.ROOT));
      if (baseline == null || existing == null || existing.closed()) {
        continue;
      }
      BaselineRunner.Target target = new BaselineRunner.Target(existing.id(), account.name(),
          account.roleName());
      work.add(pool.submit(() -> results.put(existing.id(), runner.inspect(target, baseline))));
    }
    Parallel.awaitAll(work);
    return results;
  }
}
