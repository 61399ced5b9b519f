package dev.orgvend.policy.eval;

import java.util.Locale;

/**
 * One request to evaluate: a principal's {@link RequestContext}, an action
 * ({@code service:Action}) and the resource ARN ({@code *} for actions that take no resource).
 * Everything matching needs is computed once here.
 */
public final class AccessRequest {
  private final RequestContext context;
  private final String action;
  private final String loweredAction;
  private final String service;
  private final String loweredName;
  private final String resource;
  private final String[] resourceParts;

  private AccessRequest(RequestContext context, String action, String resource) {
    this.context = context;
    this.action = action;
    this.loweredAction = action.toLowerCase(Locale.ROOT);
    int colon = loweredAction.indexOf(':');
    this.service = colon < 0 ? loweredAction : loweredAction.substring(0, colon);
    this.loweredName = colon < 0 ? "" : loweredAction.substring(colon + 1);
    this.resource = resource;
    this.resourceParts = ArnPattern.split(resource);
  }

  public static AccessRequest of(RequestContext context, String action, String resource) {
    return new AccessRequest(context, action, resource);
  }

  /** The same principal and keys, another action and resource. */
  public AccessRequest with(String otherAction, String otherResource) {
    return new AccessRequest(context, otherAction, otherResource);
  }

  public RequestContext context() {
    return context;
  }

  public String action() {
    return action;
  }

  public String resource() {
    return resource;
  }

  String loweredAction() {
    return loweredAction;
  }

  /** The service prefix in lower case. */
  String service() {
    return service;
  }

  /** The action name without its service prefix, in lower case. */
  String loweredName() {
    return loweredName;
  }

  String[] resourceParts() {
    return resourceParts;
  }

  @Override
  public String toString() {
    return context.principalArn() + " " + action + " on " + resource;
  }
}
