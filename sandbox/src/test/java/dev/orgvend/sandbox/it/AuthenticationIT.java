package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationsException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/** Every way a signature can be wrong, through the SDK where it can say it and by hand elsewhere. */
class AuthenticationIT {
  static SandboxFixture fx;
  static Credentials member;

  @BeforeAll
  static void start() {
    fx = new SandboxFixture();
    try (OrganizationsClient orgs = fx.organizations(); StsClient sts = fx.sts()) {
      String account = fx.createAccount(orgs, "auth", "auth@example.com").accountId();
      member = sts.assumeRole(r -> r.roleSessionName("auth-test")
          .roleArn("arn:aws:iam::" + account + ":role/OrganizationAccountAccessRole"))
          .credentials();
    }
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private static StaticCredentialsProvider basic(String id, String secret) {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(id, secret));
  }

  @Test
  void jsonService_whenAccessKeyUnknown_answersUnrecognizedClient() {
    try (OrganizationsClient orgs = fx.organizations(basic("AKIAUNKNOWNUNKNOWN00", "x"))) {
      assertThatThrownBy(orgs::describeOrganization)
          .isInstanceOfSatisfying(OrganizationsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnrecognizedClientException");
            assertThat(e.statusCode()).isEqualTo(400);
          });
    }
  }

  @Test
  void queryService_whenAccessKeyUnknown_answersInvalidClientTokenId() {
    try (StsClient sts = fx.sts(basic("AKIAUNKNOWNUNKNOWN00", "x"))) {
      assertThatThrownBy(sts::getCallerIdentity)
          .isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            assertThat(e.statusCode()).isEqualTo(403);
          });
    }
  }

  @Test
  void jsonService_whenSecretWrong_answersInvalidSignature() {
    try (OrganizationsClient orgs =
        fx.organizations(basic(fx.management.accessKeyId(), "wrong-secret"))) {
      assertThatThrownBy(orgs::describeOrganization)
          .isInstanceOfSatisfying(OrganizationsException.class, e ->
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException"));
    }
  }

  @Test
  void queryService_whenSecretWrong_answersSignatureDoesNotMatch() {
    try (StsClient sts = fx.sts(basic(fx.management.accessKeyId(), "wrong-secret"))) {
      assertThatThrownBy(sts::getCallerIdentity)
          .isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
            assertThat(e.statusCode()).isEqualTo(403);
          });
    }
  }

  @Test
  void sessionCredentials_whenTokenAltered_areRejected() {
    var altered = StaticCredentialsProvider.create(AwsSessionCredentials.create(
        member.accessKeyId(), member.secretAccessKey(), member.sessionToken() + "x"));
    try (StsClient sts = fx.sts(altered)) {
      assertThatThrownBy(sts::getCallerIdentity)
          .isInstanceOfSatisfying(StsException.class, e ->
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId"));
    }
  }

  @Test
  void sessionCredentials_whenExpired_answerExpiredToken() {
    Credentials shortLived;
    try (StsClient sts = fx.sts();
        StsClient asMember = fx.sts(SandboxFixture.sessionProvider(member))) {
      String account = asMember.getCallerIdentity().account();
      shortLived = sts.assumeRole(r -> r.roleSessionName("expiring").durationSeconds(900)
          .roleArn("arn:aws:iam::" + account + ":role/OrganizationAccountAccessRole"))
          .credentials();
    }
    fx.sandbox.advanceClock(Duration.ofMinutes(16));
    try (StsClient sts = fx.sts(SandboxFixture.sessionProvider(shortLived));
        OrganizationsClient orgs = fx.organizations(SandboxFixture.sessionProvider(shortLived))) {
      assertThatThrownBy(sts::getCallerIdentity)
          .isInstanceOfSatisfying(StsException.class, e ->
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken"));
      assertThatThrownBy(orgs::describeOrganization)
          .isInstanceOfSatisfying(OrganizationsException.class, e ->
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException"));
    }
  }

  @Test
  void signature_whenClockSkewedTwentyMinutes_isRejectedAsExpired() {
    RawClient raw = new RawClient(fx.endpoint, fx.management.accessKeyId(),
        fx.management.secretAccessKey());
    Clock past = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20));
    RawClient.Response r = raw.send("organizations", "us-east-1", past,
        Map.of("Content-Type", "application/x-amz-json-1.1",
            "X-Amz-Target", "AWSOrganizationsV20161128.DescribeOrganization"), "{}", true);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("\"__type\":\"InvalidSignatureException\"")
        .contains("Signature expired");
    assertThat(r.header("Date")).isNotBlank();
  }

  @Test
  void signature_whenScopedToAnotherService_isRejected() {
    RawClient raw = new RawClient(fx.endpoint, fx.management.accessKeyId(),
        fx.management.secretAccessKey());
    RawClient.Response r = raw.json("sts", "AWSOrganizationsV20161128.DescribeOrganization",
        "application/x-amz-json-1.1", "{}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("InvalidSignatureException");
  }

  @Test
  void signature_whenScopedToAnyRegion_isAccepted() {
    RawClient raw = new RawClient(fx.endpoint, fx.management.accessKeyId(),
        fx.management.secretAccessKey());
    RawClient.Response r = raw.send("organizations", "aws-global", Clock.systemUTC(),
        Map.of("Content-Type", "application/x-amz-json-1.1",
            "X-Amz-Target", "AWSOrganizationsV20161128.DescribeOrganization"), "{}", true);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("x-amzn-RequestId")).matches("[0-9a-f-]{36}");
  }

  @Test
  void request_whenUnsigned_answersMissingAuthenticationToken() {
    RawClient raw = new RawClient(fx.endpoint, "x", "y");
    RawClient.Response json = raw.send("organizations", "us-east-1", Clock.systemUTC(),
        Map.of("Content-Type", "application/x-amz-json-1.1",
            "X-Amz-Target", "AWSOrganizationsV20161128.DescribeOrganization"), "{}", false);
    assertThat(json.status()).isEqualTo(403);
    assertThat(json.body()).contains("MissingAuthenticationTokenException");
    RawClient.Response query = raw.send("sts", "us-east-1", Clock.systemUTC(),
        Map.of("Content-Type", "application/x-www-form-urlencoded"),
        "Action=GetCallerIdentity&Version=2011-06-15", false);
    assertThat(query.status()).isEqualTo(403);
    assertThat(query.body()).contains("<Code>MissingAuthenticationToken</Code>");
  }
}
