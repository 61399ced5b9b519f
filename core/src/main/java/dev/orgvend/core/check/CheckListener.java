package dev.orgvend.core.check;

import java.util.List;

/**
 * Receives each account's result as soon as it is known, so reports are written as the sweep
 * goes and nothing holds every result at once. Calls come one at a time.
 */
public interface CheckListener {
  void account(AccountCheck result);

  static CheckListener all(List<CheckListener> listeners) {
    List<CheckListener> copy = List.copyOf(listeners);
    return result -> copy.forEach(l -> l.account(result));
  }
}
