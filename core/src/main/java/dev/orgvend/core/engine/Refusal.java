package dev.orgvend.core.engine;

/**
 * The engine would not go on, for a reason the user can act on, and changed nothing: a saved
 * plan that no longer applies, say. The message says what to do.
 */
public final class Refusal extends RuntimeException {
  public Refusal(String message) {
    super(message);
  }
}
