package dev.orgvend.core.engine;

import dev.orgvend.core.check.CheckSummary;
import java.time.Duration;

/**
 * What one check sweep found, and how its time was spent.
 *
 * @param summary the totals; {@code summary.worst()} is the sweep's verdict
 * @param organizationId the organization checked
 * @param reading the time spent reading the organization
 * @param elapsed the whole sweep, reading included
 */
public record SweepResult(CheckSummary summary, String organizationId, Duration reading,
    Duration elapsed) {}
