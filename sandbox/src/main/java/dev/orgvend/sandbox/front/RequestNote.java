package dev.orgvend.sandbox.front;

/**
 * What the front learned about one request on its way through, for the request log: filled in as
 * routing and authentication succeed, so a request refused early says as much as is known.
 */
public final class RequestNote {
  private String service;
  private String operation;
  private String accountId;
  private String region;

  void routed(String service, String operation) {
    this.service = service;
    this.operation = operation;
  }

  void caller(String accountId, String region) {
    this.accountId = accountId;
    this.region = region;
  }

  /** The service's signing name, or null if the request was not routed. */
  public String service() {
    return service;
  }

  /** The operation named, as the client spelled it, or null if the request was not routed. */
  public String operation() {
    return operation;
  }

  /** The caller's account, or null if the request was not authenticated. */
  public String accountId() {
    return accountId;
  }

  /** The region of the signature's scope, or null if the request was not authenticated. */
  public String region() {
    return region;
  }
}
