package dev.orgvend.sandbox.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Pagination by "everything after this key": items are sorted by a unique key and a token names
 * the last key handed out. Unlike an offset, such a token stays correct when items before it are
 * deleted between pages, which is how IAM markers and SNS/CloudWatch tokens behave for callers
 * that delete while they list.
 *
 * <p>Tokens are opaque to clients and bound to one purpose (an operation name, say), so a token
 * from ListTopics is refused by ListSubscriptions.
 */
public final class Cursor {
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private Cursor() {}

  /** One page and the token for the next one (null on the last page). */
  public record Page<T>(List<T> items, String nextToken) {
    public boolean truncated() {
      return nextToken != null;
    }
  }

  /**
   * The page of {@code items} after {@code token}, at most {@code size} long.
   *
   * @param purpose what the token is for; a token issued for another purpose is invalid
   * @param invalid the error to throw for a token this cursor did not issue
   */
  public static <T> Page<T> page(List<T> items, Function<T, String> key, String purpose,
      String token, int size, Supplier<AwsException> invalid) {
    List<T> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparing(key));
    String after = token == null ? null : decode(token, purpose, invalid);
    int start = 0;
    if (after != null) {
      while (start < sorted.size() && key.apply(sorted.get(start)).compareTo(after) <= 0) {
        start++;
      }
    }
    int end = Math.min(sorted.size(), start + size);
    String next = end < sorted.size() ? encode(purpose, key.apply(sorted.get(end - 1))) : null;
    return new Page<>(List.copyOf(sorted.subList(start, end)), next);
  }

  private static String encode(String purpose, String lastKey) {
    return ENCODER.encodeToString((purpose + "\n" + lastKey).getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String token, String purpose, Supplier<AwsException> invalid) {
    String plain;
    try {
      plain = new String(DECODER.decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid.get();
    }
    int newline = plain.indexOf('\n');
    if (newline < 0 || !plain.substring(0, newline).equals(purpose)) {
      throw invalid.get();
    }
    return plain.substring(newline + 1);
  }
}
