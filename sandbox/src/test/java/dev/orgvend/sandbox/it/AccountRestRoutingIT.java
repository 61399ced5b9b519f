package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * restJson1 on the wire, with hand-signed requests: the path names the operation, answers are
 * plain JSON, and errors carry their code in {@code x-amzn-ErrorType}.
 */
class AccountRestRoutingIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  static SandboxFixture fx;
  static RawClient raw;

  @BeforeAll
  static void start() {
    fx = new SandboxFixture();
    raw = new RawClient(fx.endpoint, fx.management.accessKeyId(),
        fx.management.secretAccessKey());
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  /** Contacts belong to the account, and tests set and expect them: each starts afresh. */
  @BeforeEach
  void freshSandbox() {
    fx.sandbox.reset();
  }

  private static JsonNode json(String body) throws Exception {
    return JSON.readTree(body);
  }

  @Test
  void post_putAlternateContactPath_answers200WithEmptyBody() {
    RawClient.Response r = raw.rest("account", "POST", "/putAlternateContact",
        "{\"AlternateContactType\":\"BILLING\",\"Name\":\"Raw\",\"Title\":\"T\","
            + "\"EmailAddress\":\"raw@example.com\",\"PhoneNumber\":\"123\"}");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).isEmpty();
    assertThat(r.header("x-amzn-RequestId")).isNotBlank();
  }

  @Test
  void post_getAlternateContactPath_answersTheContactAsJson() throws Exception {
    raw.rest("account", "POST", "/putAlternateContact",
        "{\"AlternateContactType\":\"SECURITY\",\"Name\":\"Sec\",\"Title\":\"T\","
            + "\"EmailAddress\":\"sec@example.com\",\"PhoneNumber\":\"123\"}");

    RawClient.Response r = raw.rest("account", "POST", "/getAlternateContact",
        "{\"AlternateContactType\":\"SECURITY\"}");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    assertThat(json(r.body())).isEqualTo(json("{\"AlternateContact\":{"
        + "\"AlternateContactType\":\"SECURITY\",\"Name\":\"Sec\",\"Title\":\"T\","
        + "\"EmailAddress\":\"sec@example.com\",\"PhoneNumber\":\"123\"}}"));
  }

  @Test
  void post_getAlternateContactPath_whenUnset_putsCodeInErrorTypeHeader() throws Exception {
    RawClient.Response r = raw.rest("account", "POST", "/getAlternateContact",
        "{\"AlternateContactType\":\"OPERATIONS\"}");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.header("x-amzn-ErrorType")).isEqualTo("ResourceNotFoundException");
    assertThat(json(r.body())).isEqualTo(json(
        "{\"message\":\"No contact of the inputted alternate contact type found.\"}"));
  }

  @Test
  void post_withInvalidMember_answersValidationExceptionWithFieldList() throws Exception {
    RawClient.Response r = raw.rest("account", "POST", "/getAlternateContact",
        "{\"AlternateContactType\":\"LEGAL\"}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("x-amzn-ErrorType")).isEqualTo("ValidationException");
    JsonNode body = json(r.body());
    assertThat(body.path("reason").asText()).isEqualTo("fieldValidationFailed");
    assertThat(body.path("fieldList").get(0).path("name").asText())
        .isEqualTo("AlternateContactType");
    assertThat(body.path("message").asText()).startsWith("1 validation error detected");
  }

  @Test
  void post_withEmptyBody_isValidatedLikeAnEmptyObject() {
    RawClient.Response r = raw.rest("account", "POST", "/getAlternateContact", "");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("x-amzn-ErrorType")).isEqualTo("ValidationException");
  }

  @Test
  void post_withMalformedJson_answersSerializationException() {
    RawClient.Response r = raw.rest("account", "POST", "/getAlternateContact", "{oops");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("x-amzn-ErrorType")).isEqualTo("SerializationException");
  }

  @Test
  void post_withoutContentType_isRoutedByPath() {
    RawClient.Response r = raw.send("account", "us-east-1", Clock.systemUTC(), "POST",
        "/getAlternateContact", Map.of(), "{\"AlternateContactType\":\"BILLING\"}",
        true);

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.header("x-amzn-ErrorType")).isEqualTo("ResourceNotFoundException");
  }

  @Test
  void get_onAnOperationPath_isNotRouted() {
    RawClient.Response r = raw.rest("account", "GET", "/getAlternateContact",
        "{\"AlternateContactType\":\"BILLING\"}");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.header("x-amzn-ErrorType")).isEqualTo("UnknownOperationException");
  }

  @Test
  void post_unknownPath_answersUnknownOperation() {
    RawClient.Response r = raw.rest("account", "POST", "/flyToTheMoon", "{}");

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.header("x-amzn-ErrorType")).isEqualTo("UnknownOperationException");
  }

  @Test
  void post_signedForAnotherService_answersInvalidSignature() {
    RawClient.Response r = raw.rest("iam", "POST", "/getAlternateContact",
        "{\"AlternateContactType\":\"BILLING\"}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.header("x-amzn-ErrorType")).isEqualTo("InvalidSignatureException");
  }
}
