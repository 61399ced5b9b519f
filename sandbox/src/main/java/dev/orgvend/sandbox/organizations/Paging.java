package dev.orgvend.sandbox.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.protocol.Params;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Organizations pagination: {@code MaxResults} 1–20 (default 20), an opaque {@code NextToken}
 * bound to the operation that issued it. A token from another operation, or one that was
 * tampered with, is rejected with {@code INVALID_NEXT_TOKEN}.
 */
final class Paging {
  static final int MAX = 20;

  private Paging() {}

  record Page<T>(List<T> items, String nextToken) {}

  static <T> Page<T> page(List<T> all, Params params, String operation) {
    int size = params.integer("MaxResults").range(1, MAX).orElse(MAX);
    String token = params.text("NextToken").length(1, 100_000).get();
    int offset = token == null ? 0 : decode(token, operation);
    if (offset > all.size()) {
      offset = all.size();
    }
    int end = Math.min(all.size(), offset + size);
    String next = end < all.size() ? encode(operation, end) : null;
    return new Page<>(all.subList(offset, end), next);
  }

  /**
   * The usual List* answer: one page of {@code all} under {@code key}, each item rendered, plus
   * {@code NextToken} when more remain. Tokens are bound to the call's operation.
   */
  static <T> ObjectNode answer(Call call, String key, List<T> all, Function<T, JsonNode> render) {
    Page<T> page = page(all, call.params(), call.operation());
    ObjectNode out = Nodes.object();
    ArrayNode items = out.putArray(key);
    page.items().forEach(item -> items.add(render.apply(item)));
    if (page.nextToken() != null) {
      out.put("NextToken", page.nextToken());
    }
    return out;
  }

  private static String encode(String operation, int offset) {
    String plain = operation + ":" + offset + ":" + checksum(operation, offset);
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  private static int decode(String token, String operation) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String[] parts = plain.split(":");
      int offset = Integer.parseInt(parts[1]);
      if (parts.length == 3 && parts[0].equals(operation) && offset >= 0
          && parts[2].equals(checksum(operation, offset))) {
        return offset;
      }
    } catch (RuntimeException e) {
      // fall through to the one error below
    }
    throw OrgErrors.invalidNextToken();
  }

  private static String checksum(String operation, int offset) {
    return Integer.toHexString((operation + "#" + offset + "#orgvend").hashCode());
  }
}
