package dev.orgvend.core.apply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.CreateAccountFailureReason;

class FailureReasonsTest {
  @Test
  void explain_coversEveryFailureReasonTheSdkKnows() {
    for (CreateAccountFailureReason reason : CreateAccountFailureReason.knownValues()) {
      assertThat(FailureReasons.known(reason.toString())).as(reason.toString()).isTrue();
      assertThat(FailureReasons.explain(reason.toString())).as(reason.toString())
          .doesNotContain("see the AWS Organizations");
    }
  }

  @Test
  void explain_whenReasonIsNew_stillSaysSomethingUseful() {
    assertThat(FailureReasons.explain("SOMETHING_NEW")).contains("SOMETHING_NEW");
  }
}
