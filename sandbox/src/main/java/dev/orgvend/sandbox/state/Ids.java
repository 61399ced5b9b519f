package dev.orgvend.sandbox.state;

import java.util.Random;
import java.util.UUID;

/**
 * Makes identifiers in the formats AWS uses. Seed it for reproducible tests; production use
 * takes a random seed. Callers check for collisions where uniqueness matters.
 */
public final class Ids {
  private static final String LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String HEX = "0123456789abcdef";
  private static final String BASE64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private final Random random;

  public Ids(Random random) {
    this.random = random;
  }

  public synchronized String lowerAlnum(int length) {
    return pick(LOWER_ALNUM, length);
  }

  public synchronized String upperAlnum(int length) {
    return pick(UPPER_ALNUM, length);
  }

  public synchronized String hex(int length) {
    return pick(HEX, length);
  }

  public synchronized String base64(int length) {
    return pick(BASE64, length);
  }

  public synchronized String digits(int length) {
    StringBuilder out = new StringBuilder(length);
    out.append((char) ('1' + random.nextInt(9)));
    for (int i = 1; i < length; i++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
    return out.toString();
  }

  public synchronized String uuid() {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  private String pick(String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }
}
