package dev.orgvend.sandbox.organizations;

import java.time.Duration;

/**
 * The quotas and timings of the organization that the sandbox's settings decide, as this package
 * needs them. The composition root derives them from {@code SandboxSettings} (where each is
 * declared once, with its default and checks) whenever the settings change; operations read
 * them afresh for every request.
 *
 * @param createAccountDelay how long a CreateAccount request (and a closure) stays in progress
 * @param overQuotaFailsLater a full organization fails the creation later with
 *     ACCOUNT_LIMIT_EXCEEDED, instead of refusing CreateAccount at once
 * @param accountLimit accounts an organization may hold, management account included
 * @param maxCreationsInFlight create-account requests that may be IN_PROGRESS at once
 * @param maxOus organizational units per organization
 * @param maxPolicies customer-managed policies of one type per organization
 * @param maxScpChars characters in an SCP document
 * @param maxPoliciesPerTarget policies of one type attached directly to one target
 * @param maxConcurrentClosures accounts that may be PENDING_CLOSURE at once
 * @param closeQuotaFloor closures allowed per rolling 30 days in a small organization
 */
public record OrgRules(
    Duration createAccountDelay,
    boolean overQuotaFailsLater,
    int accountLimit,
    int maxCreationsInFlight,
    int maxOus,
    int maxPolicies,
    int maxScpChars,
    int maxPoliciesPerTarget,
    int maxConcurrentClosures,
    int closeQuotaFloor) {}
