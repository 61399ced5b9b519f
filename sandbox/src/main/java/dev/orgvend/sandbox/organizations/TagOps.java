package dev.orgvend.sandbox.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.organizations.Records.Policy;
import dev.orgvend.sandbox.organizations.Records.Tags;
import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Tags on the root, OUs, accounts and customer-managed policies. */
final class TagOps {
  private final OrgContext ctx;

  TagOps(OrgContext ctx) {
    this.ctx = ctx;
  }

  Map<String, Operation> operations() {
    return Map.of(
        "TagResource", this::tagResource,
        "UntagResource", this::untagResource,
        "ListTagsForResource", this::listTags);
  }

  private JsonNode tagResource(Call call) {
    ctx.asManagement(call);
    Params p = call.params();
    String id = resourceId(p);
    OrgInput.require(p, "Tags");
    Map<String, String> added = Tagging.read(p, "Tags");
    checkWritable(id);
    Map<String, String> merged = new LinkedHashMap<>(current(id));
    merged.putAll(added);
    Tagging.checkCount(merged);
    ctx.state.tags.put(id, new Tags(id, merged));
    return null;
  }

  private JsonNode untagResource(Call call) {
    ctx.asManagement(call);
    Params p = call.params();
    String id = resourceId(p);
    OrgInput.require(p, "TagKeys");
    List<String> keys = Tagging.readKeys(p, "TagKeys");
    checkWritable(id);
    Map<String, String> left = new LinkedHashMap<>(current(id));
    keys.forEach(left::remove);
    if (left.isEmpty()) {
      ctx.state.tags.remove(id);
    } else {
      ctx.state.tags.put(id, new Tags(id, left));
    }
    return null;
  }

  private JsonNode listTags(Call call) {
    ctx.asReader(call);
    String id = resourceId(call.params());
    checkExists(id);
    List<Map.Entry<String, String>> entries =
        new ArrayList<>(new TreeMap<>(current(id)).entrySet());
    return Paging.answer(call, "Tags", entries, e -> {
      ObjectNode tag = Nodes.object();
      tag.put("Key", e.getKey());
      tag.put("Value", e.getValue());
      return tag;
    });
  }

  private static String resourceId(Params p) {
    return p.text("ResourceId").required().length(1, 130).pattern(OrgInput.TAGGABLE_ID).get();
  }

  private Map<String, String> current(String id) {
    return ctx.state.tags.find(id).map(Tags::tags).orElse(Map.of());
  }

  private void checkExists(String id) {
    if (!ctx.state.isTarget(id) && !ctx.state.policies.contains(id)) {
      throw OrgErrors.targetNotFound(id);
    }
  }

  /** AWS-managed policies belong to every organization at once, so no one may tag them. */
  private void checkWritable(String id) {
    checkExists(id);
    Policy policy = ctx.state.policies.get(id);
    if (policy != null && policy.awsManaged()) {
      throw OrgErrors.immutablePolicy(id);
    }
  }
}
