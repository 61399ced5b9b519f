package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.sandbox.Sandbox;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad requests get the AWS error a client expects: never a 500, never a hang. */
class MalformedRequestIT {
  static Sandbox sandbox;
  /** A new client (and connection) per test: the sandbox here closes idle connections fast. */
  RawClient raw;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.builder().port(0).seed(7).maxBodyBytes(64 * 1024)
        .readTimeout(Duration.ofSeconds(1)).start();
  }

  @org.junit.jupiter.api.BeforeEach
  void client() {
    raw = new RawClient(sandbox.endpoint(), sandbox.managementCredentials().accessKeyId(),
        sandbox.managementCredentials().secretAccessKey());
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private RawClient.Response orgs(String operation, String body) {
    return raw.json("organizations", "AWSOrganizationsV20161128." + operation,
        "application/x-amz-json-1.1", body);
  }

  @Test
  void json_whenBodyIsNotJson_answersSerializationException() {
    RawClient.Response r = orgs("DescribeOrganization", "{not json");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("\"__type\":\"SerializationException\"");
  }

  @Test
  void json_whenBodyIsAnArray_answersSerializationException() {
    RawClient.Response r = orgs("DescribeOrganization", "[1,2]");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("SerializationException");
  }

  @Test
  void json_whenRequiredMemberMissing_answersInvalidInputWithReason() {
    RawClient.Response r = orgs("CreateAccount", "{\"AccountName\":\"x\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("\"__type\":\"InvalidInputException\"")
        .contains("\"Reason\":\"INPUT_REQUIRED\"").contains("Email");
  }

  @Test
  void json_whenMemberHasWrongType_answersInvalidInput() {
    RawClient.Response r = orgs("CreateAccount",
        "{\"AccountName\":{\"a\":1},\"Email\":\"a@example.com\"}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("InvalidInputException");
  }

  @Test
  void json_whenValueTooLong_answersMaxLengthExceeded() {
    RawClient.Response r = orgs("CreateAccount",
        "{\"AccountName\":\"" + "n".repeat(51) + "\",\"Email\":\"a@example.com\"}");
    assertThat(r.body()).contains("MAX_LENGTH_EXCEEDED");
  }

  @Test
  void json_whenOperationUnknown_answersUnknownOperation() {
    RawClient.Response r = orgs("FlyToTheMoon", "{}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("UnknownOperationException");
  }

  @Test
  void json_whenTargetPrefixUnknown_answersUnknownOperation() {
    RawClient.Response r = raw.json("organizations", "NoSuchService.DoIt",
        "application/x-amz-json-1.1", "{}");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("UnknownOperationException");
  }

  @Test
  void query_whenListIndexIsNotANumber_answersMalformedQueryString() {
    RawClient.Response r = raw.query("sts",
        "Action=AssumeRole&Version=2011-06-15&Tags.member.x.Key=a");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("<Code>MalformedQueryString</Code>");
  }

  @Test
  void query_whenVersionUnknown_answersInvalidAction() {
    RawClient.Response r = raw.query("sts", "Action=GetCallerIdentity&Version=1999-01-01");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("<Code>InvalidAction</Code>");
  }

  @Test
  void query_whenRequiredMemberMissing_answersValidationError() {
    RawClient.Response r = raw.query("sts",
        "Action=AssumeRole&Version=2011-06-15&RoleSessionName=abc");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).contains("<Code>ValidationError</Code>").contains("roleArn");
    assertThat(r.body()).contains("<Type>Sender</Type>");
  }

  @Test
  void request_whenBodyTooLarge_answers413WithoutReadingIt() {
    RawClient.Response r = orgs("DescribeOrganization", "{\"x\":\"" + "a".repeat(70_000) + "\"}");
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.body()).contains("RequestEntityTooLargeException");
  }

  @Test
  void request_whenNoProtocolRecognised_answers404() {
    RawClient.Response r = raw.send("organizations", "us-east-1", java.time.Clock.systemUTC(),
        java.util.Map.of("Content-Type", "text/plain"), "hello", true);
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.body()).contains("UnknownOperationException");
  }

  @Test
  void request_whenBodyTruncated_connectionIsClosedWithinTheReadTimeout() throws Exception {
    int port = sandbox.endpoint().getPort();
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST / HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
          + "Content-Type: application/x-amz-json-1.1\r\n"
          + "X-Amz-Target: AWSOrganizationsV20161128.DescribeOrganization\r\n"
          + "Content-Length: 100\r\n\r\n{\"trunc").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      // The event: the server closes the connection (end of stream). The socket timeout only
      // keeps a server that never closes from hanging the test; it is not a timing assertion.
      InputStream in = socket.getInputStream();
      byte[] reply = in.readAllBytes();
      String text = new String(reply, StandardCharsets.UTF_8);
      assertThat(text).doesNotContain("500");
    }
  }
}
