package dev.orgvend.sandbox.http;

import dev.orgvend.sandbox.SandboxSettings;
import dev.orgvend.sandbox.SandboxSettings.Rate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per (account, operation), with Organizations' published rates (requests per
 * second and burst, per account) when throttling is on. Only operations with a known rate are
 * throttled.
 */
final class Throttle {
  static final Map<String, Rate> AWS_RATES =
      Map.ofEntries(
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
          Map.entry("UpdateOrganizationalUnit", new Rate(2, 3)),
          Map.entry("DeleteOrganizationalUnit", new Rate(2, 3)),
          Map.entry("DescribeOrganizationalUnit", new Rate(2, 2)),
          Map.entry("CreateOrganization", new Rate(1, 1)),
          Map.entry("CreatePolicy", new Rate(2, 3)),
          Map.entry("DeletePolicy", new Rate(2, 3)),
          Map.entry("AttachPolicy", new Rate(2, 3)),
          Map.entry("DetachPolicy", new Rate(2, 3)),
          Map.entry("UpdatePolicy", new Rate(2, 3)),
          Map.entry("DescribePolicy", new Rate(2, 2)),
          Map.entry("EnablePolicyType", new Rate(1, 1)),
          Map.entry("DisablePolicyType", new Rate(1, 1)),
          Map.entry("ListPolicies", new Rate(5, 8)),
          Map.entry("ListPoliciesForTarget", new Rate(5, 8)),
          Map.entry("ListTargetsForPolicy", new Rate(5, 8)),
          Map.entry("TagResource", new Rate(4, 6)),
          Map.entry("UntagResource", new Rate(4, 6)),
          Map.entry("ListTagsForResource", new Rate(10, 15)),
          Map.entry("EnableAWSServiceAccess", new Rate(1, 2)),
          Map.entry("RegisterDelegatedAdministrator", new Rate(1, 2)),
          Map.entry("DeregisterDelegatedAdministrator", new Rate(1, 2)));

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** True if the call may go ahead; false if it must be answered with a throttling error. */
  boolean admit(SandboxSettings settings, String accountId, String operation, long nowNanos) {
    Rate rate = settings.rateOverrides().get(operation);
    if (rate == null && settings.throttling() == SandboxSettings.Throttling.AWS) {
      rate = AWS_RATES.get(operation);
    }
    if (rate == null) {
      return true;
    }
    Rate chosen = rate;
    Bucket bucket =
        buckets.compute(
            accountId + "/" + operation,
            (k, old) -> old == null || !old.rate.equals(chosen) ? new Bucket(chosen, nowNanos) : old);
    return bucket.take(nowNanos);
  }

  void reset() {
    buckets.clear();
  }

  private static final class Bucket {
    final Rate rate;
    double tokens;
    long lastNanos;

    Bucket(Rate rate, long nowNanos) {
      this.rate = rate;
      this.tokens = rate.burst();
      this.lastNanos = nowNanos;
    }

    synchronized boolean take(long nowNanos) {
      double elapsed = (nowNanos - lastNanos) / 1e9;
      lastNanos = nowNanos;
      tokens = Math.min(rate.burst(), tokens + elapsed * rate.perSecond());
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }
}
