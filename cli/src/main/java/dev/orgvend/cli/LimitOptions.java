package dev.orgvend.cli;

import dev.orgvend.core.plan.OrganizationLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --limit QUOTA=N}: the organization quotas a plan must fit, where they differ from AWS's.
 */
final class LimitOptions {
  @Option(names = "--limit", paramLabel = "QUOTA=N", description = "An Organizations quota of this"
      + " organization, where it is not AWS's documented value: accounts (default 10, raised for"
      + " most organizations), ous (2000), ou-depth (5), tags-per-account (50). A plan that does"
      + " not fit is refused before any write.")
  List<String> limits = new ArrayList<>();

  /** The limits to check plans against; bad input is a {@link UserError}. */
  OrganizationLimits resolve() {
    Map<String, Integer> overrides = new LinkedHashMap<>();
    for (String limit : limits) {
      int eq = limit.indexOf('=');
      if (eq <= 0) {
        throw new UserError("--limit takes QUOTA=N, e.g. accounts=500; got '" + limit + "'");
      }
      try {
        overrides.put(limit.substring(0, eq), Integer.parseInt(limit.substring(eq + 1).trim()));
      } catch (NumberFormatException e) {
        throw new UserError("--limit " + limit + ": the quota must be a whole number");
      }
    }
    try {
      return OrganizationLimits.awsDefaults().with(overrides);
    } catch (IllegalArgumentException e) {
      throw new UserError("--limit: " + e.getMessage());
    }
  }
}
