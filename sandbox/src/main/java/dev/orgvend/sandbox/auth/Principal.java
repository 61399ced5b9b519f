package dev.orgvend.sandbox.auth;

/**
 * Who made a request, as the sandbox resolved it from the access key.
 *
 * @param accountId the account the caller acts in
 * @param arn the caller's ARN as GetCallerIdentity reports it
 * @param userId the caller's unique id ({@code AIDA…}, {@code AROA…:session}, or the account id
 *     for the root user)
 * @param kind what sort of principal this is
 * @param roleArn for an assumed-role session, the role's IAM ARN; otherwise null
 */
public record Principal(String accountId, String arn, String userId, Kind kind, String roleArn) {
  public enum Kind {
    ROOT,
    USER,
    ROLE_SESSION
  }

  public boolean isRoleSession() {
    return kind == Kind.ROLE_SESSION;
  }
}
