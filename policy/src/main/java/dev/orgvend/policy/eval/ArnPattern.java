package dev.orgvend.policy.eval;

import dev.orgvend.policy.Wildcard;

/**
 * An ARN pattern matched segment by segment, as IAM matches {@code Resource} and the ARN
 * condition operators: the six colon-separated parts ({@code arn}, partition, service, region,
 * account, resource; the resource part keeps any further colons) are compared separately, so a
 * wildcard never spans a colon before the resource part. Matching is case-sensitive.
 */
final class ArnPattern {
  private static final ArnPattern ANY = new ArnPattern(null, null);

  private final Wildcard[] segments;
  /** For a pattern that is not ARN-shaped: matched against the whole value. */
  private final Wildcard whole;

  private ArnPattern(Wildcard[] segments, Wildcard whole) {
    this.segments = segments;
    this.whole = whole;
  }

  static ArnPattern of(PatternText text) {
    if (text.isAny()) {
      return ANY;
    }
    String chars = text.chars();
    int[] cuts = new int[5];
    int found = 0;
    for (int i = 0; i < chars.length() && found < 5; i++) {
      if (chars.charAt(i) == ':') {
        cuts[found++] = i;
      }
    }
    if (found < 5) {
      return new ArnPattern(null, text.wildcard());
    }
    Wildcard[] segments = new Wildcard[6];
    int from = 0;
    for (int s = 0; s < 6; s++) {
      int to = s < 5 ? cuts[s] : chars.length();
      Wildcard.Builder b = Wildcard.builder();
      text.appendTo(b, from, to);
      segments[s] = b.build();
      from = to + 1;
    }
    return new ArnPattern(segments, null);
  }

  /** The six parts of an ARN, or null when {@code value} is not one. */
  static String[] split(String value) {
    if (!value.startsWith("arn:")) {
      return null;
    }
    String[] parts = new String[6];
    int from = 0;
    for (int s = 0; s < 5; s++) {
      int colon = value.indexOf(':', from);
      if (colon < 0) {
        return null;
      }
      parts[s] = value.substring(from, colon);
      from = colon + 1;
    }
    parts[5] = value.substring(from);
    return parts;
  }

  /**
   * True when the pattern matches; {@code parts} is {@link #split} of {@code value} (null when
   * the value is not an ARN).
   */
  boolean matches(String value, String[] parts) {
    if (this == ANY) {
      return true;
    }
    if (segments == null) {
      return whole.matches(value);
    }
    if (parts == null) {
      return false;
    }
    for (int s = 0; s < 6; s++) {
      if (!segments[s].matches(parts[s])) {
        return false;
      }
    }
    return true;
  }
}
