package dev.orgvend.sandbox.front;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgvend.sandbox.protocol.AwsException;
import dev.orgvend.sandbox.protocol.Binding;
import dev.orgvend.sandbox.protocol.Protocol;

/**
 * What the sandbox does with an AWS API request: answer it, answer with an AWS error, or drop the
 * connection without an answer. Handle one with {@link #accept}: a {@link Visitor} has a method
 * per kind, so a new kind fails to compile wherever replies are handled (the exhaustive switch
 * of Java 17, which has no pattern matching over sealed types yet).
 */
public sealed interface Reply permits Reply.Ok, Reply.Failed, Reply.Dropped {

  <T> T accept(Visitor<T> visitor);

  /** One method per kind of reply. */
  interface Visitor<T> {
    T ok(Ok ok);

    T failed(Failed failed);

    T dropped(Dropped dropped);
  }

  /**
   * The operation's answer.
   *
   * @param binding how the request reached its service (protocol, XML namespace…)
   * @param operation the operation that ran
   * @param result its output tree, or null for an operation without output
   */
  record Ok(Binding binding, String operation, JsonNode result) implements Reply {
    @Override
    public <T> T accept(Visitor<T> visitor) {
      return visitor.ok(this);
    }
  }

  /**
   * An AWS error.
   *
   * @param protocol the protocol to answer in
   * @param binding how the request reached its service, or null when no service was found
   * @param error the error, from a catalogue
   */
  record Failed(Protocol protocol, Binding binding, AwsException error) implements Reply {
    @Override
    public <T> T accept(Visitor<T> visitor) {
      return visitor.failed(this);
    }
  }

  /** No answer: the connection is closed, as a network fault would leave it. */
  record Dropped() implements Reply {
    @Override
    public <T> T accept(Visitor<T> visitor) {
      return visitor.dropped(this);
    }
  }

  Reply DROPPED = new Dropped();
}
