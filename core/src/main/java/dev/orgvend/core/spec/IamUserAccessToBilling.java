package dev.orgvend.core.spec;

/**
 * Whether IAM users and roles in a new account may see its billing information; CreateAccount's
 * {@code IamUserAccessToBilling}. AWS applies it only at creation.
 */
public enum IamUserAccessToBilling {
  ALLOW,
  DENY
}
