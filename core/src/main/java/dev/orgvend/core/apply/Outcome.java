package dev.orgvend.core.apply;

/**
 * What became of one change.
 *
 * @param action the change's action name
 * @param subject OU path or account name
 * @param ok whether it was done
 * @param accountId the account concerned, when known
 * @param message what happened; for failures, what to do next
 */
public record Outcome(String action, String subject, boolean ok, String accountId,
    String message) {}
