package dev.orgvend.sandbox.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orgvend.sandbox.wire.WireRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigV4Test {
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
  private static final HeaderSignature HEADER = new HeaderSignature();

  private static WireRequest request(String method, String query,
      Map<String, List<String>> headers, byte[] body) {
    return new WireRequest(method, "/", "/", query, null, headers, body);
  }

  private static SigV4.Claim claim(WireRequest request) {
    return HEADER.read(request).orElseThrow();
  }

  /** The "get-vanilla" case of the AWS SigV4 test suite. */
  @Test
  void verify_whenAwsTestSuiteGetVanilla_accepts() {
    WireRequest request = request("GET", "",
        Map.of("host", List.of("example.amazonaws.com"),
            "x-amz-date", List.of("20150830T123600Z"),
            "authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/"
                + "service/aws4_request, SignedHeaders=host;x-amz-date, Signature="
                + "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")),
        new byte[0]);
    SigV4.Claim claim = claim(request);
    SigV4.verify(request, HEADER, claim, SECRET, Instant.parse("2015-08-30T12:40:00Z"));
    assertThat(claim.region()).isEqualTo("us-east-1");
    assertThat(claim.service()).isEqualTo("service");
  }

  /** The worked Organizations example from aws-facts section 7, computed with botocore. */
  @Test
  void signature_whenDescribeOrganizationExample_matchesBotocore() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    WireRequest request = request("POST", null,
        Map.of("content-type", List.of("application/x-amz-json-1.1"),
            "host", List.of("localhost:4566"),
            "x-amz-date", List.of("20260101T000000Z"),
            "x-amz-target", List.of("AWSOrganizationsV20161128.DescribeOrganization")),
        body);
    List<String> signed = List.of("content-type", "host", "x-amz-date", "x-amz-target");
    String payload = HEADER.payloadHash(request);
    assertThat(payload)
        .isEqualTo("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    String canonical = SigV4.canonicalRequest(request, signed, "", payload);
    assertThat(SigV4.hex(SigV4.sha256(canonical.getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("9b43666644188e71554cf460da2fd25ef3507ce705e750a7ed0398d3142b8029");
    SigV4.Claim claim = new SigV4.Claim("AKIAIOSFODNN7EXAMPLE", "20260101", "us-east-1",
        "organizations", signed, "", "20260101T000000Z");
    assertThat(SigV4.signature("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", claim, canonical))
        .isEqualTo("d0801f744e3dcaff323308791a0a087413c745dd53def4510f6f8185a2644ac2");
  }

  @Test
  void verify_whenSignedMoreThanFifteenMinutesAgo_rejectsAsExpired() {
    WireRequest request = request("GET", "",
        Map.of("host", List.of("example.amazonaws.com"),
            "x-amz-date", List.of("20150830T123600Z"),
            "authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/"
                + "service/aws4_request, SignedHeaders=host;x-amz-date, Signature="
                + "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")),
        new byte[0]);
    SigV4.Claim claim = claim(request);
    assertThatThrownBy(() -> SigV4.verify(request, HEADER, claim, SECRET,
        Instant.parse("2015-08-30T12:52:00Z")))
        .isInstanceOfSatisfying(AuthFailure.class,
            f -> assertThat(f.reason()).isEqualTo(AuthFailure.Reason.SIGNATURE_EXPIRED));
  }

  @Test
  void verify_whenSecretIsWrong_rejectsSignature() {
    WireRequest request = request("GET", "",
        Map.of("host", List.of("example.amazonaws.com"),
            "x-amz-date", List.of("20150830T123600Z"),
            "authorization", List.of("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/"
                + "service/aws4_request, SignedHeaders=host;x-amz-date, Signature="
                + "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")),
        new byte[0]);
    SigV4.Claim claim = claim(request);
    assertThatThrownBy(() -> SigV4.verify(request, HEADER, claim, SECRET + "x",
        Instant.parse("2015-08-30T12:36:00Z")))
        .isInstanceOfSatisfying(AuthFailure.class,
            f -> assertThat(f.reason()).isEqualTo(AuthFailure.Reason.BAD_SIGNATURE));
  }
}
