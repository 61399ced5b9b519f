package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/**
 * CloudWatch's awsJson 1.0 protocol, as current botocore speaks it (SDK v2.40.2 cannot), with
 * requests signed by the SDK's SigV4 signer and sent by hand.
 */
class CloudWatchJsonIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Headers java.net.http sets itself and refuses to take from callers. */
  private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection");
  static SandboxFixture fx;
  static HttpClient http;

  @BeforeAll
  static void start() {
    fx = new SandboxFixture();
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  /** Sends one signed JSON 1.0 call, the way botocore does for CloudWatch. */
  static HttpResponse<String> call(String operation, String body, String region)
      throws IOException, InterruptedException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    SdkHttpRequest unsigned = SdkHttpRequest.builder()
        .method(SdkHttpMethod.POST)
        .uri(URI.create(fx.endpoint + "/"))
        .putHeader("Content-Type", "application/x-amz-json-1.0")
        .putHeader("X-Amz-Target", "GraniteServiceVersion20100801." + operation)
        .putHeader("x-amzn-query-mode", "true")
        .build();
    SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
        .identity(AwsCredentialsIdentity.create(fx.management.accessKeyId(),
            fx.management.secretAccessKey()))
        .request(unsigned)
        .payload(ContentStreamProvider.fromByteArray(bytes))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "monitoring")
        .putProperty(AwsV4HttpSigner.REGION_NAME, region));
    HttpRequest.Builder request = HttpRequest.newBuilder(signed.request().getUri())
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
    for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
      if (!RESTRICTED.contains(header.getKey().toLowerCase(java.util.Locale.ROOT))) {
        header.getValue().forEach(v -> request.header(header.getKey(), v));
      }
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String putBody(String name, double threshold) {
    return "{\"AlarmName\":\"" + name + "\",\"MetricName\":\"EstimatedCharges\","
        + "\"Namespace\":\"AWS/Billing\",\"Statistic\":\"Maximum\","
        + "\"Dimensions\":[{\"Name\":\"Currency\",\"Value\":\"USD\"}],\"Period\":21600,"
        + "\"EvaluationPeriods\":1,\"Threshold\":" + threshold + ","
        + "\"ComparisonOperator\":\"GreaterThanOrEqualToThreshold\",\"ActionsEnabled\":false,"
        + "\"AlarmActions\":[\"arn:aws:sns:us-east-1:" + fx.management.accountId() + ":b\"]}";
  }

  @Test
  void putMetricAlarm_overJson_isDescribedOverJsonAndQuery() throws Exception {
    HttpResponse<String> put = call("PutMetricAlarm", putBody("json-alarm", 42.25), "us-east-1");
    HttpResponse<String> described =
        call("DescribeAlarms", "{\"AlarmNames\":[\"json-alarm\"]}", "us-east-1");

    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(described.statusCode()).isEqualTo(200);
    assertThat(described.headers().firstValue("Content-Type"))
        .hasValue("application/x-amz-json-1.0");
    JsonNode alarm = JSON.readTree(described.body()).get("MetricAlarms").get(0);
    assertThat(alarm.get("AlarmName").asText()).isEqualTo("json-alarm");
    assertThat(alarm.get("AlarmArn").asText()).isEqualTo(
        "arn:aws:cloudwatch:us-east-1:" + fx.management.accountId() + ":alarm:json-alarm");
    assertThat(alarm.get("Threshold").isNumber()).isTrue();
    assertThat(alarm.get("Threshold").doubleValue()).isEqualTo(42.25);
    assertThat(alarm.get("Period").intValue()).isEqualTo(21600);
    assertThat(alarm.get("ActionsEnabled").booleanValue()).isFalse();
    assertThat(alarm.get("StateUpdatedTimestamp").isNumber()).isTrue();
    assertThat(alarm.get("Dimensions").get(0).get("Name").asText()).isEqualTo("Currency");
    assertThat(JSON.readTree(described.body()).get("CompositeAlarms").isArray()).isTrue();
    try (CloudWatchClient cw =
        BaselineClients.cloudWatch(fx, fx.managementProvider(), Region.US_EAST_1)) {
      MetricAlarm viaQuery =
          cw.describeAlarms(r -> r.alarmNames("json-alarm")).metricAlarms().get(0);
      assertThat(viaQuery.threshold()).isEqualTo(42.25);
      assertThat(viaQuery.actionsEnabled()).isFalse();
    }
  }

  @Test
  void deleteAlarms_overJsonForUnknownAlarm_answersShapeNameAndQueryErrorHeader()
      throws Exception {
    HttpResponse<String> response =
        call("DeleteAlarms", "{\"AlarmNames\":[\"no-such-json-alarm\"]}", "us-east-1");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("x-amzn-query-error"))
        .hasValue("ResourceNotFound;Sender");
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.get("__type").asText()).isEqualTo("ResourceNotFound");
    assertThat(error.get("message").asText()).isEqualTo("Alarms not found: no-such-json-alarm");
  }

  @Test
  void putMetricAlarm_overJsonWithoutThreshold_answersMissingRequiredParameterException()
      throws Exception {
    String body = putBody("json-no-threshold", 1).replace("\"Threshold\":1.0,", "");

    HttpResponse<String> response = call("PutMetricAlarm", body, "us-east-1");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("x-amzn-query-error"))
        .hasValue("MissingParameter;Sender");
    assertThat(JSON.readTree(response.body()).get("__type").asText())
        .isEqualTo("MissingRequiredParameterException");
  }

  @Test
  void describeAlarms_overJsonWithBadToken_answersInvalidNextToken() throws Exception {
    HttpResponse<String> response = call("DescribeAlarms", "{\"NextToken\":\"junk\"}", "us-east-1");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("x-amzn-query-error"))
        .hasValue("InvalidNextToken;Sender");
    assertThat(JSON.readTree(response.body()).get("__type").asText()).isEqualTo("InvalidNextToken");
  }

  @Test
  void putMetricAlarm_overJsonWithBadTreatMissingData_answersInvalidParameterValueShape()
      throws Exception {
    String body = putBody("json-bad-missing", 1).replace("\"ActionsEnabled\":false,",
        "\"TreatMissingData\":\"whenever\",");

    HttpResponse<String> response = call("PutMetricAlarm", body, "us-east-1");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("x-amzn-query-error"))
        .hasValue("InvalidParameterValue;Sender");
    assertThat(JSON.readTree(response.body()).get("__type").asText())
        .isEqualTo("InvalidParameterValueException");
  }

  @Test
  void putMetricAlarm_overJsonInAnotherRegion_staysInThatRegion() throws Exception {
    call("PutMetricAlarm", putBody("json-frankfurt", 3), "eu-central-1");

    JsonNode frankfurt = JSON.readTree(
        call("DescribeAlarms", "{\"AlarmNamePrefix\":\"json-frankfurt\"}", "eu-central-1").body());
    JsonNode virginia = JSON.readTree(
        call("DescribeAlarms", "{\"AlarmNamePrefix\":\"json-frankfurt\"}", "us-east-1").body());

    assertThat(frankfurt.get("MetricAlarms")).hasSize(1);
    assertThat(frankfurt.get("MetricAlarms").get(0).get("AlarmArn").asText())
        .startsWith("arn:aws:cloudwatch:eu-central-1:");
    assertThat(virginia.get("MetricAlarms")).isEmpty();
  }
}
