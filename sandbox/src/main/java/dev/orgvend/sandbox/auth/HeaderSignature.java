package dev.orgvend.sandbox.auth;

import dev.orgvend.sandbox.wire.WireRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A signature in the {@code Authorization} header, with {@code X-Amz-Date} signed. */
public final class HeaderSignature implements SignatureLocation {
  private static final Pattern AUTH =
      Pattern.compile(
          "AWS4-HMAC-SHA256\\s+Credential\\s*=\\s*([^,\\s]+)\\s*,\\s*SignedHeaders\\s*=\\s*([^,\\s]+)"
              + "\\s*,\\s*Signature\\s*=\\s*([0-9a-fA-F]{64})\\s*");

  @Override
  public Optional<SigV4.Claim> read(WireRequest request) {
    String auth = request.header("authorization");
    if (auth == null || auth.isBlank()) {
      return Optional.empty();
    }
    Matcher m = AUTH.matcher(auth.trim());
    if (!m.matches()) {
      throw new AuthFailure(AuthFailure.Reason.INCOMPLETE, "Authorization header is malformed");
    }
    String[] scope = m.group(1).split("/", -1);
    if (scope.length != 5 || !scope[4].equals("aws4_request") || scope[0].isEmpty()) {
      throw new AuthFailure(AuthFailure.Reason.INCOMPLETE, "credential scope is malformed");
    }
    List<String> signed = Arrays.asList(m.group(2).split(";"));
    if (!signed.contains("host")) {
      throw new AuthFailure(AuthFailure.Reason.INCOMPLETE, "host must be a signed header");
    }
    String amzDate = request.header("x-amz-date");
    if (amzDate == null || !signed.contains("x-amz-date")) {
      throw new AuthFailure(AuthFailure.Reason.INCOMPLETE, "x-amz-date must be sent and signed");
    }
    return Optional.of(new SigV4.Claim(scope[0], scope[1], scope[2], scope[3], signed,
        m.group(3).toLowerCase(Locale.ROOT), amzDate));
  }

  @Override
  public String canonicalQuery(WireRequest request) {
    return SigV4.canonicalQuery(request.rawQuery());
  }

  /** The body's SHA-256; an {@code x-amz-content-sha256} header must agree with it. */
  @Override
  public String payloadHash(WireRequest request) {
    String actual = SigV4.sha256Hex(request.body());
    String declared = request.header("x-amz-content-sha256");
    if (declared != null && !declared.equalsIgnoreCase(actual)) {
      throw new AuthFailure(AuthFailure.Reason.BAD_SIGNATURE,
          "x-amz-content-sha256 does not match body");
    }
    return actual;
  }
}
