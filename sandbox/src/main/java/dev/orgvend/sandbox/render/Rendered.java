package dev.orgvend.sandbox.render;

import java.util.Map;

/**
 * An answer ready for the wire: status, Content-Type, the headers the protocol adds, and the body.
 * The HTTP edge adds what every answer carries (request id, date, length).
 */
public record Rendered(int status, String contentType, Map<String, String> headers, byte[] body) {
  public Rendered {
    headers = Map.copyOf(headers);
  }
}
