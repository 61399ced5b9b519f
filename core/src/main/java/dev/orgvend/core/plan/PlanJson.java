package dev.orgvend.core.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.core.baseline.Finding;
import dev.orgvend.core.baseline.Status;
import dev.orgvend.core.spec.AccountSpec;
import dev.orgvend.core.spec.IamUserAccessToBilling;
import dev.orgvend.core.spec.OuPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan as JSON ({@code plan --out plan.json}, {@code --output json}). Complete enough that
 * {@code apply plan.json} needs nothing else. Reading checks every member and reports the first
 * problem with its JSON path.
 */
public final class PlanJson {
  public static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private PlanJson() {}

  public static String write(Plan plan) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("organizationId", plan.organizationId());
    root.put("fingerprint", plan.fingerprint());
    root.put("summary", PlanText.summary(plan));
    ArrayNode changes = root.putArray("changes");
    for (Change change : plan.changes()) {
      ObjectNode c = changes.addObject();
      c.put("action", change.action());
      c.put("description", PlanText.line(change).substring(2).lines().findFirst().orElse(""));
      if (change instanceof Change.CreateOu ou) {
        c.put("path", ou.path().toString());
      } else if (change instanceof Change.CreateAccount ca) {
        c.set("account", account(ca.account()));
      } else if (change instanceof Change.AwaitCreation aw) {
        c.put("requestId", aw.requestId());
        c.set("account", account(aw.account()));
      } else if (change instanceof Change.MoveAccount mv) {
        c.put("accountId", mv.accountId());
        c.put("from", mv.from().toString());
        c.set("account", account(mv.account()));
      } else if (change instanceof Change.RetagAccount rt) {
        c.put("accountId", rt.accountId());
        c.set("account", account(rt.account()));
        c.set("set", JSON.valueToTree(rt.set()));
        c.set("remove", JSON.valueToTree(rt.remove()));
      } else if (change instanceof Change.ApplyBaseline ab) {
        c.put("accountId", ab.accountId());
        c.set("account", account(ab.account()));
        ArrayNode findings = c.putArray("findings");
        ab.findings().forEach(f -> findings.add(finding(f)));
      }
    }
    ArrayNode notes = root.putArray("notes");
    for (Note note : plan.notes()) {
      ObjectNode n = notes.addObject();
      n.put("kind", note.kind().name());
      n.put("subject", note.subject());
      n.put("message", note.message());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A finding as JSON; also used by {@code check --output json}. */
  public static ObjectNode finding(Finding f) {
    ObjectNode out = JSON.createObjectNode();
    out.put("component", f.component());
    out.put("status", f.status().label());
    out.put("subject", f.subject());
    out.put("message", f.message());
    if (f.expected() != null) {
      out.put("expected", f.expected());
    }
    if (f.actual() != null) {
      out.put("actual", f.actual());
    }
    return out;
  }

  private static Finding finding(JsonNode f, String at) {
    Status status;
    try {
      status = Status.valueOf(text(f, "status", at).toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at + ".status: unknown status " + f.path("status"));
    }
    return new Finding(text(f, "component", at), status, text(f, "subject", at),
        text(f, "message", at), f.hasNonNull("expected") ? f.get("expected").asText() : null,
        f.hasNonNull("actual") ? f.get("actual").asText() : null);
  }

  private static ObjectNode account(AccountSpec a) {
    ObjectNode out = JSON.createObjectNode();
    out.put("name", a.name());
    out.put("email", a.email());
    out.put("ou", a.ouPath().toString());
    out.set("tags", JSON.valueToTree(a.tags()));
    out.put("roleName", a.roleName());
    out.put("iamUserAccessToBilling", a.iamUserAccessToBilling().name());
    if (a.baseline() != null) {
      out.put("baseline", a.baseline());
    }
    return out;
  }

  /** Reads a saved plan; throws {@link IllegalArgumentException} naming what is wrong. */
  public static Plan read(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException("not a plan file: the JSON does not parse ("
          + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a plan file: expected a JSON object");
    }
    if (root.path("format").asInt(-1) != FORMAT) {
      throw new IllegalArgumentException("$.format: this orgvend reads plan format " + FORMAT);
    }
    List<Change> changes = new ArrayList<>();
    JsonNode list = root.path("changes");
    if (!list.isArray()) {
      throw new IllegalArgumentException("$.changes: expected a list");
    }
    for (int i = 0; i < list.size(); i++) {
      changes.add(change(list.get(i), "$.changes[" + i + "]"));
    }
    List<Note> notes = new ArrayList<>();
    for (JsonNode n : root.path("notes")) {
      try {
        notes.add(new Note(Note.Kind.valueOf(n.path("kind").asText()),
            n.path("subject").asText(), n.path("message").asText()));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("$.notes: unknown note kind " + n.path("kind"));
      }
    }
    return new Plan(text(root, "organizationId", "$"), text(root, "fingerprint", "$"), changes,
        notes);
  }

  private static Change change(JsonNode c, String at) {
    String action = text(c, "action", at);
    return switch (action) {
      case "create-ou" -> new Change.CreateOu(path(text(c, "path", at), at + ".path"));
      case "create-account" -> new Change.CreateAccount(account(c.path("account"), at + ".account"));
      case "await-creation" -> new Change.AwaitCreation(text(c, "requestId", at),
          account(c.path("account"), at + ".account"));
      case "move-account" -> new Change.MoveAccount(text(c, "accountId", at),
          account(c.path("account"), at + ".account"), path(text(c, "from", at), at + ".from"));
      case "retag-account" -> new Change.RetagAccount(text(c, "accountId", at),
          account(c.path("account"), at + ".account"), strings(c.path("set"), at + ".set"),
          list(c.path("remove"), at + ".remove"));
      case "apply-baseline" -> {
        List<Finding> findings = new ArrayList<>();
        JsonNode list = c.path("findings");
        for (int i = 0; i < list.size(); i++) {
          findings.add(finding(list.get(i), at + ".findings[" + i + "]"));
        }
        yield new Change.ApplyBaseline(text(c, "accountId", at),
            account(c.path("account"), at + ".account"), findings);
      }
      default -> throw new IllegalArgumentException(at + ".action: unknown action '" + action + "'");
    };
  }

  private static AccountSpec account(JsonNode a, String at) {
    if (!a.isObject()) {
      throw new IllegalArgumentException(at + ": expected an account object");
    }
    IamUserAccessToBilling billing;
    try {
      billing = IamUserAccessToBilling.valueOf(text(a, "iamUserAccessToBilling", at));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at + ".iamUserAccessToBilling: must be ALLOW or DENY");
    }
    String baseline = a.hasNonNull("baseline") ? a.get("baseline").asText() : null;
    return new AccountSpec(text(a, "name", at), text(a, "email", at),
        path(text(a, "ou", at), at + ".ou"), strings(a.path("tags"), at + ".tags"),
        text(a, "roleName", at), billing, baseline);
  }

  private static OuPath path(String text, String at) {
    try {
      return OuPath.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at + ": " + e.getMessage());
    }
  }

  private static String text(JsonNode node, String member, String at) {
    JsonNode value = node.get(member);
    if (value == null || !value.isTextual() || value.asText().isEmpty()) {
      throw new IllegalArgumentException(at + "." + member + ": expected a non-empty string");
    }
    return value.asText();
  }

  private static Map<String, String> strings(JsonNode node, String at) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node.isMissingNode()) {
      return out;
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(at + ": expected an object of strings");
    }
    node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  private static List<String> list(JsonNode node, String at) {
    List<String> out = new ArrayList<>();
    if (node.isMissingNode()) {
      return out;
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException(at + ": expected a list of strings");
    }
    node.forEach(n -> out.add(n.asText()));
    return out;
  }
}
