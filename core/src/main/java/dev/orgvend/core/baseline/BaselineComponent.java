package dev.orgvend.core.baseline;

import java.util.List;

/**
 * One kind of setting orgvend keeps in member accounts (a billing alarm, alternate contacts…).
 * A component reads its settings from the spec, reads the account's current state with the
 * member session it is given, says how that differs, and changes only what differs. Register new
 * components in {@link ComponentRegistry#standard()}; nothing else needs to know about them.
 *
 * <p>Implementations are stateless and thread-safe: the same instance serves many accounts at
 * once.
 *
 * @param <C> the component's checked settings
 * @param <S> what {@link #read} learns about an account
 */
public interface BaselineComponent<C, S> {

  /** The key that names the component under a baseline in the spec, e.g. {@code billingAlarm}. */
  String name();

  /**
   * Checks the spec's settings for this component and returns them in usable form; on any
   * problem reports it through {@code settings} (naming the field) and returns null.
   */
  C configure(ConfigReader settings);

  /** Reads what the account has now, with read-only calls. AWS errors propagate. */
  S read(MemberAccount account, C desired);

  /** How {@code actual} differs from {@code desired}; empty when it matches. No calls. */
  List<Finding> diff(C desired, S actual);

  /**
   * Makes the account match {@code desired}, given that it was {@code actual} a moment ago:
   * only the write calls that the differences need, each safe to repeat.
   */
  void apply(MemberAccount account, C desired, S actual);

  /** Things a report should say once when this component is in use. */
  default List<String> reminders(C desired) {
    return List.of();
  }
}
