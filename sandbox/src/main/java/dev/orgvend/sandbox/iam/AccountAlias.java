package dev.orgvend.sandbox.iam;

/** The alias of one account (IAM allows at most one per account). */
record AccountAlias(String accountId, String alias) {}
