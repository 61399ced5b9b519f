package dev.orgvend.sandbox.route;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.protocol.Binding;
import dev.orgvend.sandbox.protocol.Protocol;
import dev.orgvend.sandbox.protocol.Service;

/**
 * Where a request goes: the service, the binding it came through, the operation it names and
 * its input as one tree, whatever the protocol (a Query form's {@code Tags.member.1.Key} looks
 * like JSON's {@code Tags[0].Key}), so an operation is written once for every protocol.
 */
public record Routed(Service service, Binding binding, String operation, ObjectNode input) {

  public Protocol protocol() {
    return binding.protocol();
  }
}
