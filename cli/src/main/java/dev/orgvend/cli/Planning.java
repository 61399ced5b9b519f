package dev.orgvend.cli;

import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.plan.Plan;
import dev.orgvend.core.plan.Planner;
import dev.orgvend.core.spec.AccountSpec;
import dev.orgvend.core.spec.Spec;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Reading the organization and planning against it, shared by plan and apply. */
final class Planning {
  private Planning() {}

  static LiveOrganization read(Engine engine, Spec spec) {
    Set<String> emails = spec.accounts().stream().map(AccountSpec::email)
        .map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    return engine.reader().read(a -> emails.contains(a.email().toLowerCase(Locale.ROOT)));
  }

  static Plan plan(Spec spec, LiveOrganization live) {
    return Planner.plan(spec, live);
  }
}
