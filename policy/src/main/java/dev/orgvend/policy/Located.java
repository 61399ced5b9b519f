package dev.orgvend.policy;

/** A string from a policy document together with where it was written. */
public record Located(String value, Position at) {
  @Override
  public String toString() {
    return value;
  }
}
