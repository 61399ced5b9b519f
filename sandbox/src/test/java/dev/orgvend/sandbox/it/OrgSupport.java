package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.sts.StsClient;

/** Small helpers the Organizations ITs share: unique names, new accounts, member sessions. */
final class OrgSupport {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private OrgSupport() {}

  /** A name no other test in this JVM uses. */
  static String unique(String prefix) {
    return prefix + "-" + COUNTER.incrementAndGet();
  }

  static String rootId(OrganizationsClient orgs) {
    return orgs.listRoots().roots().get(0).id();
  }

  /** Creates a member account (waiting on the sandbox clock) and returns its id. */
  static String newAccount(SandboxFixture fx, OrganizationsClient orgs, String prefix) {
    String name = unique(prefix);
    CreateAccountStatus status = fx.createAccount(orgs, name, name + "@example.com");
    assertThat(SandboxFixture.succeeded(status)).as("account %s was created", name).isTrue();
    return status.accountId();
  }

  /** Credentials of the OrganizationAccountAccessRole in a member account. */
  static StaticCredentialsProvider memberSession(SandboxFixture fx, String accountId) {
    try (StsClient sts = fx.sts()) {
      String role = "arn:aws:iam::" + accountId + ":role/OrganizationAccountAccessRole";
      return SandboxFixture.sessionProvider(
          sts.assumeRole(r -> r.roleArn(role).roleSessionName("it")).credentials());
    }
  }
}
