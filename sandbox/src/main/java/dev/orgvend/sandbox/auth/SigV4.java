package dev.orgvend.sandbox.auth;

import dev.orgvend.sandbox.wire.WireRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Server-side AWS Signature Version 4 checking: rebuilds the canonical request a {@link Claim}
 * covers and compares signatures in constant time. Where the claim comes from (a header, the
 * query string) is a {@link SignatureLocation}'s business. Reference: the SigV4 section of the AWS
 * IAM user guide ("Create a signed AWS API request").
 */
public final class SigV4 {
  static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final Duration MAX_SKEW = Duration.ofMinutes(15);
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  /** Derived signing keys by secret, date, region and service; they change once a day. */
  private static final java.util.Map<String, byte[]> SIGNING_KEYS =
      new java.util.concurrent.ConcurrentHashMap<>();
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  /** What a signature claims: who signed, for which scope, which headers, and when. */
  public record Claim(
      String accessKeyId,
      String date,
      String region,
      String service,
      List<String> signedHeaders,
      String signature,
      String amzDate) {}

  private SigV4() {}

  /**
   * Checks the claim's time against {@code wallNow} and its signature against {@code secret}.
   * Throws {@link AuthFailure} on any mismatch.
   */
  public static void verify(WireRequest request, SignatureLocation location, Claim claim,
      String secret, Instant wallNow) {
    Instant signedAt;
    try {
      signedAt = LocalDateTime.parse(claim.amzDate(), AMZ_DATE).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw new AuthFailure(AuthFailure.Reason.INCOMPLETE, "x-amz-date is not yyyyMMddTHHmmssZ");
    }
    if (!claim.amzDate().startsWith(claim.date())) {
      throw new AuthFailure(AuthFailure.Reason.BAD_SIGNATURE, "scope date differs from x-amz-date");
    }
    if (Duration.between(signedAt, wallNow).abs().compareTo(MAX_SKEW) > 0) {
      throw new AuthFailure(AuthFailure.Reason.SIGNATURE_EXPIRED, null);
    }
    String canonical = canonicalRequest(request, claim.signedHeaders(),
        location.canonicalQuery(request), location.payloadHash(request));
    String expected = signature(secret, claim, canonical);
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII),
        claim.signature().getBytes(StandardCharsets.US_ASCII))) {
      throw new AuthFailure(AuthFailure.Reason.BAD_SIGNATURE, null);
    }
  }

  static String sha256Hex(byte[] body) {
    return body.length == 0 ? EMPTY_SHA256 : hex(sha256(body));
  }

  static String canonicalRequest(WireRequest request, List<String> signedHeaders,
      String canonicalQuery, String payloadHash) {
    StringBuilder c = new StringBuilder(512);
    c.append(request.method().toUpperCase(Locale.ROOT)).append('\n');
    c.append(canonicalUri(request.rawPath())).append('\n');
    c.append(canonicalQuery).append('\n');
    for (String name : signedHeaders) {
      List<String> values = request.headers().get(name);
      if (values == null) {
        throw new AuthFailure(AuthFailure.Reason.BAD_SIGNATURE, "signed header missing: " + name);
      }
      List<String> cleaned = new ArrayList<>(values.size());
      for (String v : values) {
        cleaned.add(SPACES.matcher(v.trim()).replaceAll(" "));
      }
      c.append(name).append(':').append(String.join(",", cleaned)).append('\n');
    }
    c.append('\n').append(String.join(";", signedHeaders)).append('\n');
    c.append(payloadHash);
    return c.toString();
  }

  static String signature(String secret, Claim claim, String canonicalRequest) {
    String scope = claim.date() + "/" + claim.region() + "/" + claim.service() + "/aws4_request";
    String toSign =
        ALGORITHM
            + "\n"
            + claim.amzDate()
            + "\n"
            + scope
            + "\n"
            + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    return hex(hmac(signingKey(secret, claim), toSign));
  }

  private static byte[] signingKey(String secret, Claim claim) {
    String cacheKey = secret + "/" + claim.date() + "/" + claim.region() + "/" + claim.service();
    byte[] cached = SIGNING_KEYS.get(cacheKey);
    if (cached != null) {
      return cached;
    }
    byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), claim.date());
    key = hmac(key, claim.region());
    key = hmac(key, claim.service());
    key = hmac(key, "aws4_request");
    if (SIGNING_KEYS.size() > 10_000) {
      SIGNING_KEYS.clear();
    }
    SIGNING_KEYS.put(cacheKey, key);
    return key;
  }

  /** Normalises the path and URI-encodes each segment (again, as non-S3 services do). */
  static String canonicalUri(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    List<String> out = new ArrayList<>();
    for (String segment : rawPath.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (segment.equals("..")) {
        if (!out.isEmpty()) {
          out.remove(out.size() - 1);
        }
        continue;
      }
      out.add(encode(segment));
    }
    String joined = "/" + String.join("/", out);
    if (rawPath.endsWith("/") && !joined.endsWith("/")) {
      joined += "/";
    }
    return joined;
  }

  static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String part : rawQuery.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = eq < 0 ? part : part.substring(0, eq);
      String value = eq < 0 ? "" : part.substring(eq + 1);
      pairs.add(new String[] {encode(decode(name)), encode(decode(value))});
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    StringBuilder q = new StringBuilder();
    for (String[] p : pairs) {
      if (q.length() > 0) {
        q.append('&');
      }
      q.append(p[0]).append('=').append(p[1]);
    }
    return q.toString();
  }

  private static String decode(String s) {
    try {
      return java.net.URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  /** RFC 3986 encoding: unreserved characters stay, everything else becomes %XX (upper hex). */
  static String encode(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
