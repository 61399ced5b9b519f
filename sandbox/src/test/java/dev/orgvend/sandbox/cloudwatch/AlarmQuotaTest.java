package dev.orgvend.sandbox.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.auth.Principal;
import dev.orgvend.sandbox.protocol.AwsException;
import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.protocol.Params;
import dev.orgvend.sandbox.state.Store;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The per-region alarm quota, with a quota small enough to reach without a server. */
class AlarmQuotaTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Principal CALLER = new Principal("111122223333",
      "arn:aws:iam::111122223333:user/test", "AIDATEST", Principal.Kind.USER, null);
  private final CloudWatchService service = new CloudWatchService(Store.inMemory(), 2);

  private void put(String name, String region) throws Exception {
    ObjectNode input = (ObjectNode) JSON.readTree("{\"AlarmName\":\"" + name + "\","
        + "\"MetricName\":\"EstimatedCharges\",\"Namespace\":\"AWS/Billing\","
        + "\"Statistic\":\"Maximum\",\"Period\":21600,\"EvaluationPeriods\":1,"
        + "\"Threshold\":10,\"ComparisonOperator\":\"GreaterThanThreshold\"}");
    Call call = new Call("PutMetricAlarm", input, new Params(input, service.service().errors().rules()), CALLER,
        region, Instant.parse("2026-01-01T00:00:00Z"));
    service.service().operations().get("PutMetricAlarm").run(call);
  }

  @Test
  void putMetricAlarm_beyondTheQuota_throwsLimitExceeded() throws Exception {
    put("one", "us-east-1");
    put("two", "us-east-1");

    AwsException e = catchThrowableOfType(AwsException.class, () -> put("three", "us-east-1"));

    assertThat(e.code()).isEqualTo("LimitExceeded");
    assertThat(e.shapeName()).isEqualTo("LimitExceededFault");
    assertThat(e.status()).isEqualTo(400);
  }

  @Test
  void putMetricAlarm_atTheQuota_stillUpdatesAndCountsPerRegion() throws Exception {
    put("one", "us-east-1");
    put("two", "us-east-1");

    put("two", "us-east-1");
    put("three", "eu-west-1");
  }
}
