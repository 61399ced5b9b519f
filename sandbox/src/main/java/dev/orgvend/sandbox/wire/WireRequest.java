package dev.orgvend.sandbox.wire;

import java.util.List;
import java.util.Map;

/**
 * One AWS API request as it came off the wire, before anything is made of it: what routing reads
 * to find the operation and what authentication reads to check the signature. Header names are
 * lower case; the body has been read whole (and bounded) by the HTTP edge.
 *
 * @param method the HTTP method, e.g. {@code POST}
 * @param rawPath the path as sent, still percent-encoded (what SigV4 signs)
 * @param path the decoded path (what REST routes match)
 * @param rawQuery the query string as sent without the {@code ?}, or null when there is none
 * @param host the {@code Host} header, or null (virtual-hosted S3 addressing will read it)
 * @param headers every header, names lower-cased, values in the order they came
 * @param body the whole body, empty when there is none
 */
public record WireRequest(
    String method,
    String rawPath,
    String path,
    String rawQuery,
    String host,
    Map<String, List<String>> headers,
    byte[] body) {

  /** The first value of a header (name in lower case), or null. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The same request with another body, e.g. none when only the headers can be trusted. */
  public WireRequest withBody(byte[] other) {
    return new WireRequest(method, rawPath, path, rawQuery, host, headers, other);
  }
}
