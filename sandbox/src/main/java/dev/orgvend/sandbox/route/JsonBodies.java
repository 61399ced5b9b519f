package dev.orgvend.sandbox.route;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.protocol.Binding;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.protocol.WireErrors;
import java.io.IOException;
import java.util.Locale;

/** Reading JSON request bodies and their Content-Types, for the JSON protocols' routers. */
final class JsonBodies {
  private static final ObjectReader STRICT_JSON =
      new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonBodies() {}

  /**
   * The body as a JSON object; an empty body is an empty object. Anything else, trailing text
   * after the object included, is a {@code SerializationException}, as the Smithy protocol tests
   * require of servers.
   */
  static ObjectNode object(byte[] body, Binding binding) {
    if (body.length == 0) {
      return Nodes.object();
    }
    try {
      JsonNode node = STRICT_JSON.readTree(body);
      if (node == null || node.isMissingNode()) {
        return Nodes.object();
      }
      if (!node.isObject()) {
        throw new Unroutable(binding,
            WireErrors.serialization("Request body must be a JSON object."));
      }
      return (ObjectNode) node;
    } catch (JsonProcessingException e) {
      throw new Unroutable(binding,
          WireErrors.serialization("Request body is not valid JSON: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new Unroutable(binding,
          WireErrors.serialization("Request body could not be read."));
    }
  }

  /** A JSON Content-Type ({@code application/json…}), or none at all. */
  static boolean jsonOrNone(String contentType) {
    return contentType == null || contentType.isBlank()
        || lower(contentType).startsWith("application/json");
  }

  static boolean form(String contentType) {
    return lower(contentType).startsWith("application/x-www-form-urlencoded");
  }

  private static String lower(String contentType) {
    return contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
  }
}
