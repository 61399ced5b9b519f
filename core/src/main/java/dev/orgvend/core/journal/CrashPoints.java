package dev.orgvend.core.journal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A testing hook that stops the JVM dead (as {@code kill -9} would: no shutdown hooks, no
 * finally blocks) at a chosen journal write, so crash tests can hit the narrow windows that
 * random kills rarely find — above all the one between AWS accepting a CreateAccount and the
 * journal recording its request id.
 *
 * <p>Set the system property {@code orgvend.crash} to {@code POINT:N}, e.g. {@code
 * before-requested:2}, to halt at the N-th time the point is reached. Points: {@code
 * after-intent}, {@code before-requested}, {@code after-requested}, {@code before-done},
 * {@code after-done}. Without the property this does nothing.
 */
final class CrashPoints {
  private static final String SETTING = System.getProperty("orgvend.crash", "");
  private static final AtomicInteger COUNT = new AtomicInteger();

  private CrashPoints() {}

  static void reach(String point) {
    if (SETTING.isEmpty()) {
      return;
    }
    int colon = SETTING.lastIndexOf(':');
    String name = colon < 0 ? SETTING : SETTING.substring(0, colon);
    int nth = colon < 0 ? 1 : Integer.parseInt(SETTING.substring(colon + 1));
    if (name.equals(point) && COUNT.incrementAndGet() == nth) {
      System.err.println("orgvend: crash point " + SETTING + " reached; halting");
      System.err.flush();
      Runtime.getRuntime().halt(137);
    }
  }
}
