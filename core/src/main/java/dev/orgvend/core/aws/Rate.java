package dev.orgvend.core.aws;

/** A request rate: {@code perSecond} sustained, {@code burst} at once. */
public record Rate(double perSecond, int burst) {
  public Rate {
    if (!(perSecond > 0) || burst < 1) {
      throw new IllegalArgumentException("a rate needs perSecond > 0 and burst >= 1");
    }
  }

  /** Parses {@code RATE} or {@code RATE:BURST}, e.g. {@code 1:3}. */
  public static Rate parse(String text) {
    String[] parts = text.trim().split(":");
    try {
      double perSecond = Double.parseDouble(parts[0]);
      int burst = parts.length > 1 ? Integer.parseInt(parts[1]) : (int) Math.max(1, perSecond);
      if (parts.length > 2) {
        throw new NumberFormatException();
      }
      return new Rate(perSecond, burst);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a rate; write RATE or RATE:BURST, e.g. 1:3");
    }
  }
}
