package dev.orgvend.sandbox.route;

import dev.orgvend.sandbox.protocol.AwsException;
import dev.orgvend.sandbox.protocol.Binding;
import dev.orgvend.sandbox.protocol.Protocol;

/**
 * A request that names no operation the sandbox can run, with the error it gets and the protocol
 * (and, when known, the binding) to answer it in.
 */
public final class Unroutable extends RuntimeException {
  private final Protocol protocol;
  private final Binding binding;
  private final AwsException error;

  /** For a request whose service is not known; it is answered in {@code protocol}. */
  public Unroutable(Protocol protocol, AwsException error) {
    this(protocol, null, error);
  }

  /** For a request that reached a service's binding but cannot be served. */
  public Unroutable(Binding binding, AwsException error) {
    this(binding.protocol(), binding, error);
  }

  private Unroutable(Protocol protocol, Binding binding, AwsException error) {
    super(error.getMessage(), null, false, false);
    this.protocol = protocol;
    this.binding = binding;
    this.error = error;
  }

  public Protocol protocol() {
    return protocol;
  }

  /** The binding the request reached, or null when no service was found. */
  public Binding binding() {
    return binding;
  }

  public AwsException error() {
    return error;
  }
}
