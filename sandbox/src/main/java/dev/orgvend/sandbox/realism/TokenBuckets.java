package dev.orgvend.sandbox.realism;

import dev.orgvend.sandbox.realism.RealismKnobs.TokenRate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per (account, operation), with Organizations' published rates (requests per
 * second and burst, per account) when throttling is on. Only operations with a known rate are
 * throttled. Buckets refill on sandbox time, so moving the sandbox's clock forward refills them
 * too.
 */
final class TokenBuckets {
  static final Map<String, TokenRate> AWS_RATES =
      Map.ofEntries(
          Map.entry("CreateAccount", new TokenRate(0.1, 3)),
          Map.entry("CloseAccount", new TokenRate(0.05, 1)),
          Map.entry("DescribeCreateAccountStatus", new TokenRate(2, 2)),
          Map.entry("ListCreateAccountStatus", new TokenRate(5, 8)),
          Map.entry("DescribeAccount", new TokenRate(20, 30)),
          Map.entry("ListAccounts", new TokenRate(8, 12)),
          Map.entry("ListChildren", new TokenRate(6, 10)),
          Map.entry("ListParents", new TokenRate(5, 8)),
          Map.entry("ListAccountsForParent", new TokenRate(5, 8)),
          Map.entry("ListOrganizationalUnitsForParent", new TokenRate(5, 8)),
          Map.entry("ListRoots", new TokenRate(1, 2)),
          Map.entry("CreateOrganizationalUnit", new TokenRate(1, 2)),
          Map.entry("DescribeOrganization", new TokenRate(1, 2)),
          Map.entry("MoveAccount", new TokenRate(2, 3)),
          Map.entry("UpdateOrganizationalUnit", new TokenRate(2, 3)),
          Map.entry("DeleteOrganizationalUnit", new TokenRate(2, 3)),
          Map.entry("DescribeOrganizationalUnit", new TokenRate(2, 2)),
          Map.entry("CreateOrganization", new TokenRate(1, 1)),
          Map.entry("CreatePolicy", new TokenRate(2, 3)),
          Map.entry("DeletePolicy", new TokenRate(2, 3)),
          Map.entry("AttachPolicy", new TokenRate(2, 3)),
          Map.entry("DetachPolicy", new TokenRate(2, 3)),
          Map.entry("UpdatePolicy", new TokenRate(2, 3)),
          Map.entry("DescribePolicy", new TokenRate(2, 2)),
          Map.entry("EnablePolicyType", new TokenRate(1, 1)),
          Map.entry("DisablePolicyType", new TokenRate(1, 1)),
          Map.entry("ListPolicies", new TokenRate(5, 8)),
          Map.entry("ListPoliciesForTarget", new TokenRate(5, 8)),
          Map.entry("ListTargetsForPolicy", new TokenRate(5, 8)),
          Map.entry("TagResource", new TokenRate(4, 6)),
          Map.entry("UntagResource", new TokenRate(4, 6)),
          Map.entry("ListTagsForResource", new TokenRate(10, 15)),
          Map.entry("EnableAWSServiceAccess", new TokenRate(1, 2)),
          Map.entry("RegisterDelegatedAdministrator", new TokenRate(1, 2)),
          Map.entry("DeregisterDelegatedAdministrator", new TokenRate(1, 2)));

  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** True if the call may go ahead; false if it must be answered with a throttling error. */
  boolean admit(RealismKnobs knobs, String accountId, String operation, long nowNanos) {
    TokenRate rate = knobs.rates().get(operation);
    if (rate == null && knobs.publishedRates()) {
      rate = AWS_RATES.get(operation);
    }
    if (rate == null) {
      return true;
    }
    TokenRate chosen = rate;
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
    final TokenRate rate;
    double tokens;
    long lastNanos;

    Bucket(TokenRate rate, long nowNanos) {
      this.rate = rate;
      this.tokens = rate.burst();
      this.lastNanos = nowNanos;
    }

    synchronized boolean take(long nowNanos) {
      // Sandbox time never runs backwards on purpose, but the wall clock under it may.
      double elapsed = Math.max(0, nowNanos - lastNanos) / 1e9;
      lastNanos = Math.max(lastNanos, nowNanos);
      tokens = Math.min(rate.burst(), tokens + elapsed * rate.perSecond());
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }
}
