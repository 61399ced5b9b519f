package dev.orgvend.core.baseline;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orgvend.core.aws.AwsClients;
import dev.orgvend.core.aws.AwsTarget;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class MemberClientsTest {
  @Test
  void call_withoutMemberSession_failsBeforeAnythingIsSent() {
    // Port 9 (discard) has no listener here; the call must fail on credentials, not on I/O.
    AwsTarget target = new AwsTarget("us-east-1", URI.create("http://127.0.0.1:9"), null,
        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAMANAGEMENT000000",
            "management-secret")));
    try (AwsClients clients = new AwsClients(target);
        MemberClients members = new MemberClients(clients)) {
      assertThatThrownBy(() -> members.sns("us-east-1").listTopics())
          .hasStackTraceContaining("a member-account call was made without the member's"
              + " session credentials");
      assertThatThrownBy(() -> members.iam().listAccountAliases())
          .hasStackTraceContaining("without the member's session credentials");
    }
  }
}
