package dev.orgvend.core.aws;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The request rates orgvend paces itself by, per operation. The default is AWS Organizations'
 * published per-account rates (Organizations user guide, "Quotas"), so a run never provokes
 * throttling on purpose; an organization with raised limits, or a sandbox with other settings,
 * can say so with overrides.
 */
public final class RateTable {
  private static final Map<String, Rate> ORGANIZATIONS_PUBLISHED = Map.ofEntries(
      Map.entry("CreateAccount", new Rate(0.1, 3)),
      Map.entry("CloseAccount", new Rate(0.05, 1)),
      Map.entry("DescribeCreateAccountStatus", new Rate(2, 2)),
      Map.entry("ListCreateAccountStatus", new Rate(5, 8)),
      Map.entry("DescribeAccount", new Rate(20, 30)),
      Map.entry("ListAccounts", new Rate(8, 12)),
      Map.entry("ListChildren", new Rate(6, 10)),
      Map.entry("ListParents", new Rate(5, 8)),
      Map.entry("ListAccountsForParent", new Rate(5, 8)),
      Map.entry("ListOrganizationalUnitsForParent", new Rate(5, 8)),
      Map.entry("ListRoots", new Rate(1, 2)),
      Map.entry("CreateOrganizationalUnit", new Rate(1, 2)),
      Map.entry("DescribeOrganization", new Rate(1, 2)),
      Map.entry("MoveAccount", new Rate(2, 3)),
      Map.entry("TagResource", new Rate(4, 6)),
      Map.entry("UntagResource", new Rate(4, 6)),
      Map.entry("ListTagsForResource", new Rate(10, 15)));

  private final Map<String, Rate> rates;

  private RateTable(Map<String, Rate> rates) {
    this.rates = Map.copyOf(rates);
  }

  /** AWS's published Organizations rates. */
  public static RateTable awsPublished() {
    return new RateTable(ORGANIZATIONS_PUBLISHED);
  }

  /** No pacing at all (until the service throttles, when pacing adapts). */
  public static RateTable unlimited() {
    return new RateTable(Map.of());
  }

  public RateTable with(Map<String, Rate> overrides) {
    Map<String, Rate> merged = new HashMap<>(rates);
    merged.putAll(overrides);
    return new RateTable(merged);
  }

  public Optional<Rate> rate(String operation) {
    return Optional.ofNullable(rates.get(operation));
  }
}
