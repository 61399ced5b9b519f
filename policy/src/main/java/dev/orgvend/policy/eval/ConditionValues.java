package dev.orgvend.policy.eval;

import dev.orgvend.policy.ConditionOperator.Family;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;

/**
 * Reads condition values as the typed operators compare them ("IAM JSON policy elements:
 * Condition operators"): numbers, dates (W3C ISO 8601 forms or epoch seconds), booleans,
 * base-64 binaries and IP addresses or CIDR ranges (IPv4 and IPv6; an address without a prefix
 * is a /32 or /128). Never resolves host names.
 */
public final class ConditionValues {
  private ConditionValues() {}

  /** True when {@code value} is a valid policy value for operators of {@code family}. */
  public static boolean valid(Family family, String value) {
    return switch (family) {
      case NUMERIC -> number(value) != null;
      case DATE -> dateMillis(value) != null;
      case BOOL, NULL -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
      case BINARY -> binary(value) != null;
      case IP_ADDRESS -> IpRange.parse(value) != null;
      case STRING, ARN -> true;
    };
  }

  /** What a valid value of the family looks like, for messages. */
  public static String expected(Family family) {
    return switch (family) {
      case NUMERIC -> "a number such as 10 or 2.5";
      case DATE -> "a date such as 2026-01-31T00:00:00Z or epoch seconds such as 1769817600";
      case BOOL, NULL -> "true or false";
      case BINARY -> "a base-64 encoded value";
      case IP_ADDRESS -> "an IP address or CIDR range such as 203.0.113.0/24 or 2001:db8::/32";
      case STRING, ARN -> "a string";
    };
  }

  static BigDecimal number(String value) {
    String v = value.trim();
    if (v.isEmpty() || v.length() > 64) {
      return null;
    }
    try {
      return new BigDecimal(v);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Milliseconds since the epoch, or null when {@code value} is not a date IAM reads. */
  static Long dateMillis(String value) {
    String v = value.trim();
    if (v.isEmpty() || v.length() > 40) {
      return null;
    }
    if (v.chars().allMatch(Character::isDigit)) {
      try {
        return Math.multiplyExact(Long.parseLong(v), 1000L);
      } catch (ArithmeticException | NumberFormatException e) {
        return null;
      }
    }
    try {
      return OffsetDateTime.parse(v).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      // not with an offset; try the shorter forms
    }
    try {
      return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      // no time of day
    }
    try {
      return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      // year and month only
    }
    try {
      return YearMonth.parse(v).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static byte[] binary(String value) {
    try {
      return Base64.getDecoder().decode(value.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static Boolean bool(String value) {
    String v = value.toLowerCase(Locale.ROOT);
    return v.equals("true") ? Boolean.TRUE : v.equals("false") ? Boolean.FALSE : null;
  }

  /** An IPv4 or IPv6 range: the address bits and how many of them are fixed. */
  record IpRange(boolean v6, long hi, long lo, int prefix) {
    static IpRange parse(String text) {
      String t = text.trim();
      int slash = t.indexOf('/');
      String address = slash < 0 ? t : t.substring(0, slash);
      long[] bits = address.indexOf(':') >= 0 ? v6(address) : v4(address);
      if (bits == null) {
        return null;
      }
      boolean v6 = address.indexOf(':') >= 0;
      int max = v6 ? 128 : 32;
      int prefix = max;
      if (slash >= 0) {
        String p = t.substring(slash + 1);
        if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
          return null;
        }
        prefix = Integer.parseInt(p);
        if (prefix > max) {
          return null;
        }
      }
      return new IpRange(v6, bits[0], bits[1], prefix);
    }

    /** True when the address {@code other} lies in this range. */
    boolean contains(IpRange other) {
      if (other.v6 != v6) {
        return false;
      }
      if (!v6) {
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return (lo & mask) == (other.lo & mask);
      }
      if (prefix <= 64) {
        long mask = prefix == 0 ? 0 : -1L << (64 - prefix);
        return (hi & mask) == (other.hi & mask);
      }
      long mask = prefix == 128 ? -1L : -1L << (128 - prefix);
      return hi == other.hi && (lo & mask) == (other.lo & mask);
    }

    private static long[] v4(String s) {
      String[] octets = s.split("\\.", -1);
      if (octets.length != 4) {
        return null;
      }
      long value = 0;
      for (String o : octets) {
        if (o.isEmpty() || o.length() > 3 || !o.chars().allMatch(Character::isDigit)) {
          return null;
        }
        int n = Integer.parseInt(o);
        if (n > 255) {
          return null;
        }
        value = (value << 8) | n;
      }
      return new long[] {0, value};
    }

    private static long[] v6(String s) {
      int[] groups = new int[8];
      int doubleColon = s.indexOf("::");
      if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
        return null;
      }
      String head = doubleColon < 0 ? s : s.substring(0, doubleColon);
      String tail = doubleColon < 0 ? "" : s.substring(doubleColon + 2);
      int[] h = groups(head);
      int[] t = groups(tail);
      if (h == null || t == null) {
        return null;
      }
      int total = h.length + t.length;
      if (doubleColon < 0 ? total != 8 : total > 7) {
        return null;
      }
      System.arraycopy(h, 0, groups, 0, h.length);
      System.arraycopy(t, 0, groups, 8 - t.length, t.length);
      long hi = 0;
      long lo = 0;
      for (int i = 0; i < 4; i++) {
        hi = (hi << 16) | groups[i];
        lo = (lo << 16) | groups[i + 4];
      }
      return new long[] {hi, lo};
    }

    /** Colon-separated hex groups; a trailing dotted IPv4 address counts as two groups. */
    private static int[] groups(String s) {
      if (s.isEmpty()) {
        return new int[0];
      }
      String[] parts = s.split(":", -1);
      int extra = parts[parts.length - 1].indexOf('.') >= 0 ? 1 : 0;
      int[] out = new int[parts.length + extra];
      for (int i = 0; i < parts.length; i++) {
        String p = parts[i];
        if (i == parts.length - 1 && extra == 1) {
          long[] v4 = v4(p);
          if (v4 == null) {
            return null;
          }
          out[i] = (int) (v4[1] >>> 16);
          out[i + 1] = (int) (v4[1] & 0xFFFF);
          continue;
        }
        if (p.isEmpty() || p.length() > 4) {
          return null;
        }
        int n = 0;
        for (int k = 0; k < p.length(); k++) {
          int d = Character.digit(p.charAt(k), 16);
          if (d < 0) {
            return null;
          }
          n = (n << 4) | d;
        }
        out[i] = n;
      }
      return out;
    }
  }
}
