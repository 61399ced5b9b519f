package dev.orgvend.core.apply;

import java.util.Map;

/** Where apply reports what it is doing; the CLI renders it for a terminal, CI logs or JSON. */
@FunctionalInterface
public interface Progress {
  /**
   * @param type what happened, e.g. {@code account-created}, {@code account-failed}
   * @param subject the OU path or account name
   * @param message one sentence for people
   * @param data machine-readable details (account id, request id, …)
   */
  void event(String type, String subject, String message, Map<String, String> data);

  static Progress silent() {
    return (type, subject, message, data) -> {};
  }
}
