package dev.orgvend.sandbox.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.RequestCounts;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The malformed-HTTP corpus: requests no SDK would send — bad signatures, oversized, truncated
 * and mis-framed bodies, wrong content types, garbage JSON and form encoding, missing or
 * unknown operations, a bad Host, HTTP/1.0, chunked bodies — written byte by byte over a socket.
 * Each gets the answer its protocol's clients expect (status and AWS error code), never a 500
 * and never a hang (every read is bounded by {@link RawHttp#TIMEOUT}), and none changes the
 * sandbox's state.
 *
 * <p>Framing the HTTP layer itself cannot parse (no Host on HTTP/1.1, a non-numeric
 * Content-Length, headers over 64 KiB) is refused there with a bare 400 and the connection
 * closed, as the front doors of AWS endpoints do; expected code {@code null} means "no AWS
 * error body".
 */
class MalformedHttpCorpusIT {
  private static final int MAX_BODY = 64 * 1024;
  private static final String ORGS = "AWSOrganizationsV20161128.";
  private static final String JSON_11 = "application/x-amz-json-1.1";
  private static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";
  private static final String CALLER_IDENTITY = "Action=GetCallerIdentity&Version=2011-06-15";

  static Sandbox sandbox;
  static URI endpoint;
  static String keyId;
  static String secret;

  @BeforeAll
  static void start() {
    sandbox = Sandbox.builder().port(0).seed(11).maxBodyBytes(MAX_BODY)
        .readTimeout(Duration.ofSeconds(1)).start();
    endpoint = sandbox.endpoint();
    keyId = sandbox.managementCredentials().accessKeyId();
    secret = sandbox.managementCredentials().secretAccessKey();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  /**
   * One corpus entry.
   *
   * @param name what is wrong with the request
   * @param request the request, built against the sandbox's endpoint
   * @param status the HTTP status expected; 0 = the connection is closed without an answer
   * @param code the AWS error code expected, or null for none
   * @param counted whether the request reaches the sandbox's AWS front and is counted: every
   *     request with an AWS error does, and so do those whose body the front was reading when
   *     the connection ended; those the HTTP layer refuses never get that far
   */
  record Case(String name, UnaryOperator<RawHttp.Request> request, int status, String code,
      boolean counted) {
    Case(String name, UnaryOperator<RawHttp.Request> request, int status, String code) {
      this(name, request, status, code, code != null);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static RawHttp.Request base() {
    return new RawHttp.Request(endpoint);
  }

  /** A signed awsJson 1.1 call to Organizations. */
  private static RawHttp.Request orgs(String operation, String body) {
    return base().header("Content-Type", JSON_11).header("X-Amz-Target", ORGS + operation)
        .body(body).sign(endpoint, keyId, secret, "organizations", Clock.systemUTC());
  }

  /** A signed awsQuery call to STS. */
  private static RawHttp.Request sts(String body) {
    return base().header("Content-Type", FORM).body(body)
        .sign(endpoint, keyId, secret, "sts", Clock.systemUTC());
  }

  private static RawHttp.Request signedAs(RawHttp.Request r, String service) {
    return r.sign(endpoint, keyId, secret, service, Clock.systemUTC());
  }

  /** The 64 hex digits of the signature with the last one changed. */
  private static RawHttp.Request tamperSignature(RawHttp.Request r) {
    String auth = r.headers.get("Authorization");
    char last = auth.charAt(auth.length() - 1);
    return r.header("Authorization", auth.substring(0, auth.length() - 1) + (last == '0' ? '1' : '0'));
  }

  private static String nested(int depth) {
    return "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
  }

  static Stream<Case> corpus() {
    List<Case> cases = new ArrayList<>();
    // Signatures
    cases.add(new Case("json: no Authorization header",
        r -> r.header("Content-Type", JSON_11).header("X-Amz-Target", ORGS + "CreateAccount")
            .body("{\"AccountName\":\"x\",\"Email\":\"x@example.com\"}"),
        403, "MissingAuthenticationTokenException"));
    cases.add(new Case("query: no Authorization header",
        r -> r.header("Content-Type", FORM).body(CALLER_IDENTITY), 403,
        "MissingAuthenticationToken"));
    cases.add(new Case("json: signature altered",
        r -> tamperSignature(orgs("CreateOrganizationalUnit",
            "{\"ParentId\":\"r-0000\",\"Name\":\"x\"}")), 400, "InvalidSignatureException"));
    cases.add(new Case("query: signature altered", r -> tamperSignature(sts(CALLER_IDENTITY)),
        403, "SignatureDoesNotMatch"));
    cases.add(new Case("json: body changed after signing",
        r -> orgs("CreateAccount", "{\"AccountName\":\"a\",\"Email\":\"a@example.com\"}")
            .body("{\"AccountName\":\"b\",\"Email\":\"b@example.com\"}"),
        400, "InvalidSignatureException"));
    cases.add(new Case("json: Authorization header is not SigV4",
        r -> orgs("DescribeOrganization", "{}").header("Authorization", "AWS4-HMAC-SHA256 nonsense"),
        400, "IncompleteSignatureException"));
    cases.add(new Case("json: unknown access key",
        r -> r.header("Content-Type", JSON_11).header("X-Amz-Target", ORGS + "DescribeOrganization")
            .body("{}").sign(endpoint, "AKIAUNKNOWNKEY000000", "x", "organizations",
                Clock.systemUTC()),
        400, "UnrecognizedClientException"));
    cases.add(new Case("query: signed 20 minutes ago",
        r -> r.header("Content-Type", FORM).body(CALLER_IDENTITY).sign(endpoint, keyId, secret,
            "sts", Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20))),
        403, "SignatureDoesNotMatch"));
    cases.add(new Case("json: Host changed after signing",
        r -> orgs("DescribeOrganization", "{}").header("Host", "organizations.example.com"),
        400, "InvalidSignatureException"));
    cases.add(new Case("http/1.1 without Host", r -> orgs("DescribeOrganization", "{}")
        .header("Host", null), 400, null));
    cases.add(new Case("Host with characters a host name cannot have",
        r -> orgs("DescribeOrganization", "{}").header("Host", "bad host!"), 400, null));
    // Bodies
    cases.add(new Case("json: Content-Length above the limit", r -> {
      RawHttp.Request big = orgs("DescribeOrganization", "{}");
      big.framing = RawHttp.Framing.DECLARED;
      big.declaredLength = String.valueOf(MAX_BODY + 1);
      return big;
    }, 413, "RequestEntityTooLargeException"));
    cases.add(new Case("json: chunked body above the limit", r -> {
      RawHttp.Request big = orgs("DescribeOrganization",
          "{\"a\":\"" + "x".repeat(MAX_BODY) + "\"}");
      big.framing = RawHttp.Framing.CHUNKED;
      return big;
    }, 413, "RequestEntityTooLargeException"));
    cases.add(new Case("query: Content-Length above the limit", r -> {
      RawHttp.Request big = sts(CALLER_IDENTITY);
      big.framing = RawHttp.Framing.DECLARED;
      big.declaredLength = "2000000";
      return big;
    }, 413, "RequestEntityTooLargeException"));
    cases.add(new Case("Content-Length of a gigabyte", r -> {
      RawHttp.Request big = sts(CALLER_IDENTITY);
      big.framing = RawHttp.Framing.DECLARED;
      big.declaredLength = "999999999";
      return big;
    }, 400, null));
    cases.add(new Case("json: body shorter than Content-Length, then the client stops sending",
        r -> {
          RawHttp.Request cut = orgs("DescribeOrganization", "{\"Ma");
          cut.framing = RawHttp.Framing.DECLARED;
          cut.declaredLength = "100";
          cut.halfClose = true;
          return cut;
        }, 400, "IncompleteBody"));
    cases.add(new Case("query: body shorter than Content-Length, then the client stops sending",
        r -> {
          RawHttp.Request cut = sts("Action=GetCall");
          cut.framing = RawHttp.Framing.DECLARED;
          cut.declaredLength = "100";
          cut.halfClose = true;
          return cut;
        }, 400, "IncompleteBody"));
    cases.add(new Case("json: body shorter than Content-Length, connection left open", r -> {
      RawHttp.Request cut = orgs("DescribeOrganization", "{\"Ma");
      cut.framing = RawHttp.Framing.DECLARED;
      cut.declaredLength = "100";
      return cut;
    }, 0, null, true));
    cases.add(new Case("json: body is not JSON", r -> orgs("DescribeOrganization", "{not json"),
        400, "SerializationException"));
    cases.add(new Case("json: text after the JSON object",
        r -> orgs("DescribeOrganization", "{} trailing"), 400, "SerializationException"));
    cases.add(new Case("json: a list instead of an object",
        r -> orgs("DescribeOrganization", "[{}]"), 400, "SerializationException"));
    cases.add(new Case("json: null instead of an object",
        r -> orgs("DescribeOrganization", "null"), 400, "SerializationException"));
    cases.add(new Case("json: comment inside the object",
        r -> orgs("ListRoots", "{\"MaxResults\": 1 /* one */}"), 400, "SerializationException"));
    cases.add(new Case("json: single-quoted names",
        r -> orgs("ListRoots", "{'MaxResults': 1}"), 400, "SerializationException"));
    cases.add(new Case("json: nested 5000 levels deep",
        r -> orgs("DescribeOrganization", nested(5000)), 400, "SerializationException"));
    cases.add(new Case("json: bytes that are not UTF-8", r -> orgs("DescribeOrganization", "")
        .body(new byte[] {'{', '"', (byte) 0xff, (byte) 0xfe, '"', ':', '1', '}'})
        .sign(endpoint, keyId, secret, "organizations", Clock.systemUTC()),
        400, "SerializationException"));
    cases.add(new Case("json: member of the wrong type",
        r -> orgs("ListRoots", "{\"MaxResults\":\"ten\"}"), 400, "InvalidInputException"));
    cases.add(new Case("query: bad percent encoding",
        r -> sts("Action=GetCallerIdentity&Version=2011-06-15&X=%zz"), 400,
        "MalformedQueryString"));
    cases.add(new Case("query: list index that is not a number",
        r -> sts("Action=AssumeRole&Version=2011-06-15&Tags.member.one.Key=a"), 400,
        "MalformedQueryString"));
    cases.add(new Case("query: no Action", r -> sts("Version=2011-06-15"), 400, "MissingAction"));
    cases.add(new Case("query: unknown Version",
        r -> sts("Action=GetCallerIdentity&Version=2000-01-01"), 400, "InvalidAction"));
    cases.add(new Case("query: unknown Action",
        r -> sts("Action=FlyToTheMoon&Version=2011-06-15"), 400, "InvalidAction"));
    // Content types and operations
    cases.add(new Case("json: X-Amz-Target with a form Content-Type",
        r -> signedAs(r.header("Content-Type", FORM).header("X-Amz-Target", ORGS + "CreateAccount")
            .body("{\"AccountName\":\"x\",\"Email\":\"x@example.com\"}"), "organizations"),
        415, "UnsupportedMediaTypeException"));
    cases.add(new Case("json: X-Amz-Target with text/plain",
        r -> signedAs(r.header("Content-Type", "text/plain")
            .header("X-Amz-Target", ORGS + "DescribeOrganization").body("{}"), "organizations"),
        415, "UnsupportedMediaTypeException"));
    cases.add(new Case("cloudwatch json 1.0: X-Amz-Target with text/xml",
        r -> signedAs(r.header("Content-Type", "text/xml")
            .header("X-Amz-Target", "GraniteServiceVersion20100801.DescribeAlarms")
            .body("{}"), "monitoring"),
        415, "UnsupportedMediaTypeException"));
    cases.add(new Case("rest json: Account API path with text/plain",
        r -> { r.path = "/getAlternateContact";
          return signedAs(r.header("Content-Type", "text/plain")
              .body("{\"AlternateContactType\":\"BILLING\"}"), "account"); },
        415, "UnsupportedMediaTypeException"));
    cases.add(new Case("json: JSON Content-Type without X-Amz-Target",
        r -> signedAs(r.header("Content-Type", JSON_11).body("{}"), "organizations"),
        400, "UnknownOperationException"));
    cases.add(new Case("json: unknown operation", r -> orgs("FlyToTheMoon", "{}"), 400,
        "UnknownOperationException"));
    cases.add(new Case("json: unknown service prefix",
        r -> signedAs(r.header("Content-Type", JSON_11).header("X-Amz-Target", "NoSuchService.Go")
            .body("{}"), "organizations"),
        400, "UnknownOperationException"));
    cases.add(new Case("form body sent as application/json",
        r -> signedAs(r.header("Content-Type", "application/json").body(CALLER_IDENTITY), "sts"),
        404, "UnknownOperationException"));
    cases.add(new Case("GET / naming no operation", r -> {
      r.method = "GET";
      r.framing = RawHttp.Framing.NONE;
      return r;
    }, 404, "UnknownOperationException"));
    // Framing
    cases.add(new Case("Content-Length that is not a number", r -> {
      RawHttp.Request bad = orgs("DescribeOrganization", "{}");
      bad.framing = RawHttp.Framing.DECLARED;
      bad.declaredLength = "two";
      return bad;
    }, 400, null));
    cases.add(new Case("Content-Length and chunked encoding together", r -> {
      RawHttp.Request both = orgs("DescribeOrganization", "{}").header("Content-Length", "2");
      both.framing = RawHttp.Framing.CHUNKED;
      return both;
    }, 400, null));
    cases.add(new Case("chunk size that is not hexadecimal", r -> {
      RawHttp.Request bad = orgs("DescribeOrganization", "{}");
      bad.framing = RawHttp.Framing.BAD_CHUNK;
      return bad;
    }, 0, null, true));
    cases.add(new Case("HTTP/1.0 without Host, host signed", r -> {
      RawHttp.Request old = orgs("DescribeOrganization", "{}").header("Host", null);
      old.version = "HTTP/1.0";
      return old;
    }, 400, "InvalidSignatureException"));
    cases.add(new Case("request line that is not HTTP", r -> {
      r.method = "HELLO";
      r.path = "there";
      r.version = "friend";
      r.framing = RawHttp.Framing.NONE;
      return r;
    }, 400, null));
    cases.add(new Case("headers over 64 KiB",
        r -> orgs("DescribeOrganization", "{}").header("X-Padding", "p".repeat(70_000)), 400,
        null));
    cases.add(new Case("not HTTP at all", r -> null, 0, null));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void request_whenMalformed_getsItsAwsErrorAndChangesNothing(Case c) {
    String before = state();
    RequestCounts counted = sandbox.stats();

    RawHttp.Reply reply = send(c);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(c.status());
    assertThat(reply.code()).as(reply.toString()).isEqualTo(c.code());
    if (c.code() != null) {
      assertThat(reply.header("x-amzn-RequestId")).as(reply.toString()).isNotBlank();
    }
    if (c.status() != 0 && c.status() != 200 && c.code() == null) {
      assertThat(reply.header("Connection")).as(reply.toString()).isEqualToIgnoringCase("close");
    }
    assertThat(state()).as("state after " + c).isEqualTo(before);
    // A request is counted on arrival, before its body is read and so before anything can end
    // its connection; an error is counted before the answer is written. Both are complete once
    // the client has seen the answer or the close.
    RequestCounts now = sandbox.stats();
    assertThat(now.requests()).as("requests counted")
        .isEqualTo(counted.requests() + (c.counted() ? 1 : 0));
    assertThat(now.errors()).as("errors counted")
        .isEqualTo(counted.errors() + (c.code() != null ? 1 : 0));
  }

  /** Unusual but valid framing is served normally. */
  static Stream<Case> unusualButValid() {
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("HTTP/1.0", r -> {
      RawHttp.Request old = orgs("DescribeOrganization", "{}");
      old.version = "HTTP/1.0";
      return old;
    }, 200, null));
    cases.add(new Case("chunked JSON body", r -> {
      RawHttp.Request chunked = orgs("ListRoots", "{\"MaxResults\":1}");
      chunked.framing = RawHttp.Framing.CHUNKED;
      return chunked;
    }, 200, null));
    cases.add(new Case("chunked form body", r -> {
      RawHttp.Request chunked = sts(CALLER_IDENTITY);
      chunked.framing = RawHttp.Framing.CHUNKED;
      return chunked;
    }, 200, null));
    cases.add(new Case("Expect: 100-continue",
        r -> orgs("DescribeOrganization", "{}").header("Expect", "100-continue"), 200, null));
    cases.add(new Case("Content-Type with parameters",
        r -> signedAs(r.header("Content-Type", JSON_11 + "; charset=utf-8")
            .header("X-Amz-Target", ORGS + "DescribeOrganization").body("{}"), "organizations"),
        200, null));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unusualButValid")
  void request_whenFramingIsUnusualButValid_isServed(Case c) {
    RawHttp.Reply reply = send(c);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.code()).as(reply.toString()).isNull();
  }

  @Test
  void stats_whenRequestsAreMalformed_countThemAsUnrecognisedNeverAsOperations() {
    sandbox.resetStats();

    send(new Case("garbage", r -> orgs("DescribeOrganization", "{not json"), 400, null));
    send(new Case("no action", r -> sts("Version=2011-06-15"), 400, null));
    send(new Case("read", r -> orgs("DescribeOrganization", "{}"), 200, null));
    send(new Case("unsigned write", r -> r.header("Content-Type", JSON_11)
        .header("X-Amz-Target", ORGS + "CreateOrganizationalUnit").body("{}"), 403, null));

    RequestCounts stats = sandbox.stats();
    assertThat(stats.requests()).isEqualTo(4);
    assertThat(stats.unrecognised()).isEqualTo(2);
    assertThat(stats.reads()).isEqualTo(1);
    assertThat(stats.writes()).as("a refused write still counts as attempted").isEqualTo(1);
    assertThat(stats.errors()).isEqualTo(3);
    assertThat(stats.operations()).isEqualTo(Map.of("organizations",
        Map.of("DescribeOrganization", 1L, "CreateOrganizationalUnit", 1L)));
  }

  private static RawHttp.Reply send(Case c) {
    RawHttp.Request request = c.request().apply(base());
    if (request == null) {
      // A TLS ClientHello: what a client configured for https sends to a plain-HTTP port.
      byte[] hello = {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00, (byte) 0xa1, 0x03,
          0x03};
      return RawHttp.send(endpoint, hello, true);
    }
    return RawHttp.send(endpoint, request);
  }

  private static String state() {
    return sandbox.state();
  }
}
