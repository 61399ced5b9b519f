package dev.orgvend.sandbox.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** Renders operation output and errors as awsQuery XML documents. */
public final class XmlOutput {
  private XmlOutput() {}

  /**
   * {@code <OpResponse><OpResult>…</OpResult><ResponseMetadata>…</ResponseMetadata></OpResponse>}.
   * The result element comes first: SDK v2 takes the first child as the result wrapper.
   */
  public static String response(
      String namespace, String operation, JsonNode result, String requestId) {
    StringBuilder xml = new StringBuilder(256);
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append('<').append(operation).append("Response xmlns=\"").append(namespace).append("\">");
    if (result != null) {
      xml.append('<').append(operation).append("Result>");
      members(xml, result);
      xml.append("</").append(operation).append("Result>");
    }
    xml.append("<ResponseMetadata><RequestId>")
        .append(requestId)
        .append("</RequestId></ResponseMetadata>");
    xml.append("</").append(operation).append("Response>");
    return xml.toString();
  }

  public static String error(String namespace, AwsException error, String requestId) {
    StringBuilder xml = new StringBuilder(256);
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<ErrorResponse xmlns=\"").append(namespace).append("\"><Error>");
    xml.append("<Type>").append(error.faultType()).append("</Type>");
    xml.append("<Code>").append(escape(error.code())).append("</Code>");
    xml.append("<Message>").append(escape(error.getMessage())).append("</Message>");
    xml.append("</Error><RequestId>").append(requestId).append("</RequestId></ErrorResponse>");
    return xml.toString();
  }

  private static void members(StringBuilder xml, JsonNode node) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isNull()) {
        continue;
      }
      element(xml, field.getKey(), field.getValue());
    }
  }

  private static void element(StringBuilder xml, String name, JsonNode value) {
    xml.append('<').append(name).append('>');
    value(xml, value);
    xml.append("</").append(name).append('>');
  }

  private static void value(StringBuilder xml, JsonNode value) {
    if (value instanceof Nodes.MapNode) {
      Iterator<Map.Entry<String, JsonNode>> entries = value.fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        xml.append("<entry><key>").append(escape(entry.getKey())).append("</key><value>");
        value(xml, entry.getValue());
        xml.append("</value></entry>");
      }
    } else if (value.isObject()) {
      members(xml, value);
    } else if (value.isArray()) {
      for (JsonNode item : value) {
        element(xml, "member", item);
      }
    } else if (value instanceof Nodes.Timestamp) {
      xml.append(((Nodes.Timestamp) value).instant().toString());
    } else {
      xml.append(escape(value.asText()));
    }
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement;
      switch (c) {
        case '<' -> replacement = "&lt;";
        case '>' -> replacement = "&gt;";
        case '&' -> replacement = "&amp;";
        case '"' -> replacement = "&quot;";
        case '\'' -> replacement = "&apos;";
        case '\r' -> replacement = "&#13;";
        default -> replacement = (c < 0x20 && c != '\n' && c != '\t') ? "" : null;
      }
      if (replacement != null) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(replacement);
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }
}
