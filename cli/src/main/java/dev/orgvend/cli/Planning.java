package dev.orgvend.cli;

import dev.orgvend.core.baseline.AccountResult;
import dev.orgvend.core.baseline.Baseline;
import dev.orgvend.core.baseline.BaselineRunner;
import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.plan.Plan;
import dev.orgvend.core.plan.Planner;
import dev.orgvend.core.spec.AccountSpec;
import dev.orgvend.core.spec.Spec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/** Reading the organization and planning against it, shared by plan and apply. */
final class Planning {
  private Planning() {}

  static LiveOrganization read(Engine engine, Spec spec) {
    Set<String> emails = spec.accounts().stream().map(AccountSpec::email)
        .map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    return engine.reader().read(a -> emails.contains(a.email().toLowerCase(Locale.ROOT)));
  }

  /** Plans, reading the baselines of the managed accounts that exist and have one. */
  static Plan plan(Engine engine, Spec spec, LiveOrganization live) {
    return Planner.plan(spec, live, inspectBaselines(engine, spec, live));
  }

  private static Map<String, AccountResult> inspectBaselines(Engine engine, Spec spec,
      LiveOrganization live) {
    Map<String, AccountResult> results = new ConcurrentHashMap<>();
    Map<String, LiveOrganization.Account> byEmail = new HashMap<>();
    live.accounts().forEach(a -> byEmail.put(a.email().toLowerCase(Locale.ROOT), a));
    List<Future<?>> work = new ArrayList<>();
    for (AccountSpec account : spec.accounts()) {
      Baseline baseline = account.baseline() == null ? null
          : engine.baselines.get(account.baseline());
      LiveOrganization.Account existing = byEmail.get(account.email().toLowerCase(Locale.ROOT));
      if (baseline == null || existing == null || existing.closed()) {
        continue;
      }
      BaselineRunner.Target target = new BaselineRunner.Target(existing.id(), account.name(),
          account.roleName());
      work.add(engine.pool.submit(() -> results.put(existing.id(),
          engine.baselineRunner.inspect(target, baseline))));
    }
    dev.orgvend.core.aws.Parallel.awaitAll(work);
    return results;
  }
}
