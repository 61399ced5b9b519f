package dev.orgvend.core.plan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.orgvend.core.baseline.Finding;
import dev.orgvend.core.baseline.Status;
import dev.orgvend.core.output.Printable;
import dev.orgvend.core.spec.AccountSpec;
import dev.orgvend.core.spec.AwsValues;
import dev.orgvend.core.spec.IamUserAccessToBilling;
import dev.orgvend.core.spec.OuPath;
import dev.orgvend.core.spec.SyntaxErrors;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a saved plan strictly: it is input from a file anyone may have edited, so every member
 * is checked for its type, its AWS limits and hostile characters, unknown and repeated members
 * are refused, and the first problem is reported with its JSON path ({@code
 * $.changes[2].account.email}) in a message that quotes values safely.
 */
final class PlanReader {
  private static final ObjectReader JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .reader()
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private static final Pattern ORGANIZATION_ID = Pattern.compile("^o-[a-z0-9]{10,32}$");
  private static final Pattern FINGERPRINT = Pattern.compile("^[0-9a-f]{32}$");
  private static final Pattern ACCOUNT_ID = Pattern.compile("^\\d{12}$");
  private static final Pattern REQUEST_ID = Pattern.compile("^car-[a-z0-9]{8,32}$");
  private static final Pattern PLAIN_MEMBER = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** What every refusal of an edited member says. */
  private static final String EDITED = "the saved plan was edited (make it again with"
      + " 'orgvend plan --out FILE')";

  private static final List<String> ACTIONS = List.of("create-ou", "create-account",
      "await-creation", "move-account", "retag-account", "apply-baseline");

  private PlanReader() {}

  static Plan read(String text) {
    String json = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    if (json.isBlank()) {
      throw new IllegalArgumentException("the file is empty; a saved plan is the JSON that"
          + " 'orgvend plan --out FILE' writes");
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(parseError(e));
    }
    if (!root.isObject()) {
      throw new IllegalArgumentException("not a saved plan: expected a JSON object, found "
          + kind(root));
    }
    Obj plan = new Obj(root, "$", Set.of("format", "organizationId", "fingerprint", "summary",
        "changes", "notes"));
    format(plan.required("format"), "$.format");
    String organizationId = plan.text("organizationId", ORGANIZATION_ID,
        "is not an organization id (o- and 10 to 32 lowercase letters and digits)");
    String fingerprint = plan.text("fingerprint", FINGERPRINT,
        "is not a plan fingerprint (32 lowercase hexadecimal digits)");
    // Derived members: any difference, hostile characters included, is refused as an edit below.
    String summary = plan.looseText("summary");
    List<Change> changes = new ArrayList<>();
    JsonNode list = plan.list("changes");
    for (int i = 0; i < list.size(); i++) {
      changes.add(change(list.get(i), "$.changes[" + i + "]"));
    }
    List<Note> notes = new ArrayList<>();
    JsonNode noteList = plan.optionalList("notes");
    for (int i = 0; i < noteList.size(); i++) {
      notes.add(note(noteList.get(i), "$.notes[" + i + "]"));
    }
    Plan read = new Plan(organizationId, fingerprint, changes, notes);
    // The summary and the descriptions are derived from the rest; a changed word in either means
    // the file was edited, so it is refused like any other edit.
    if (!summary.equals(PlanText.summary(read))) {
      throw new IllegalArgumentException("$.summary: " + AwsValues.quote(summary) + " does not"
          + " summarise the plan's changes; " + EDITED);
    }
    return read;
  }

  private static void format(JsonNode format, String at) {
    if (!format.isNumber()) {
      throw new IllegalArgumentException(at + ": expected the number " + PlanJson.FORMAT
          + ", found " + kind(format));
    }
    if (!format.isIntegralNumber() || !format.canConvertToInt()
        || format.intValue() != PlanJson.FORMAT) {
      throw new IllegalArgumentException(at + ": plan format " + safe(format.asText())
          + "; this orgvend reads plan format " + PlanJson.FORMAT
          + " (make the plan again with this orgvend)");
    }
  }

  private static Change change(JsonNode node, String at) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(at + ": expected a change object, found " + kind(node));
    }
    Obj any = new Obj(node, at, null);
    String action = any.text("action");
    if (!ACTIONS.contains(action)) {
      throw new IllegalArgumentException(at + ".action: unknown action " + AwsValues.quote(action)
          + "; expected one of: " + String.join(", ", ACTIONS));
    }
    Change change = change(node, at, action);
    String description = any.looseText("description");
    if (!description.equals(PlanJson.description(change))) {
      throw new IllegalArgumentException(at + ".description: " + AwsValues.quote(description)
          + " does not describe this change; " + EDITED);
    }
    return change;
  }

  private static Change change(JsonNode node, String at, String action) {
    return switch (action) {
      case "create-ou" -> {
        Obj c = new Obj(node, at, Set.of("action", "description", "path"));
        yield new Change.CreateOu(ouPath(c.text("path"), at + ".path"));
      }
      case "create-account" -> {
        Obj c = new Obj(node, at, Set.of("action", "description", "account"));
        yield new Change.CreateAccount(account(c.required("account"), at + ".account"));
      }
      case "await-creation" -> {
        Obj c = new Obj(node, at, Set.of("action", "description", "requestId", "account"));
        yield new Change.AwaitCreation(c.text("requestId", REQUEST_ID,
            "is not a CreateAccount request id (car- and 8 to 32 lowercase letters and digits)"),
            account(c.required("account"), at + ".account"));
      }
      case "move-account" -> {
        Obj c = new Obj(node, at, Set.of("action", "description", "accountId", "from",
            "account"));
        yield new Change.MoveAccount(accountId(c), account(c.required("account"),
            at + ".account"), livePath(c.looseText("from"), at + ".from"));
      }
      case "retag-account" -> {
        Obj c = new Obj(node, at, Set.of("action", "description", "accountId", "account", "set",
            "remove"));
        String id = accountId(c);
        AccountSpec account = account(c.required("account"), at + ".account");
        Map<String, String> set = tags(c.optionalObject("set"), at + ".set");
        JsonNode removeList = c.optionalList("remove");
        List<String> remove = new ArrayList<>();
        for (int i = 0; i < removeList.size(); i++) {
          // Keys AWS holds that the spec does not: AWS's own tag rules, not the spec's.
          String removeAt = at + ".remove[" + i + "]";
          remove.add(checked(looseText(removeList.get(i), removeAt), AwsValues::tagKey, removeAt));
        }
        yield new Change.RetagAccount(id, account, set, remove);
      }
      default -> {
        Obj c = new Obj(node, at, Set.of("action", "description", "accountId", "account",
            "findings"));
        String id = accountId(c);
        AccountSpec account = account(c.required("account"), at + ".account");
        JsonNode list = c.list("findings");
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
          findings.add(finding(list.get(i), at + ".findings[" + i + "]"));
        }
        yield new Change.ApplyBaseline(id, account, findings);
      }
    };
  }

  private static String accountId(Obj c) {
    return c.text("accountId", ACCOUNT_ID, "is not an AWS account id (12 digits)");
  }

  private static AccountSpec account(JsonNode node, String at) {
    Obj a = new Obj(node, at, Set.of("name", "email", "ou", "tags", "roleName",
        "iamUserAccessToBilling", "baseline"));
    String name = checked(a.text("name"), AwsValues::accountName, at + ".name");
    String email = checked(a.text("email"), AwsValues::email, at + ".email");
    OuPath ou = ouPath(a.text("ou"), at + ".ou");
    Map<String, String> tags = tags(a.optionalObject("tags"), at + ".tags");
    String role = checked(a.text("roleName"), AwsValues::roleName, at + ".roleName");
    String billing = a.text("iamUserAccessToBilling");
    IamUserAccessToBilling access;
    try {
      access = IamUserAccessToBilling.valueOf(billing);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at + ".iamUserAccessToBilling: must be ALLOW or DENY,"
          + " not " + AwsValues.quote(billing));
    }
    return new AccountSpec(name, email, ou, tags, role, access, a.optionalText("baseline"));
  }

  private static Map<String, String> tags(JsonNode node, String at) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> e = fields.next();
      String keyAt = member(at, e.getKey());
      String key = checked(clean(e.getKey(), keyAt), AwsValues::tagKey, keyAt);
      out.put(key, checked(string(e.getValue(), keyAt), AwsValues::tagValue, keyAt));
    }
    if (out.size() > 50) {
      throw new IllegalArgumentException(at + ": " + out.size() + " tags; AWS allows at most 50");
    }
    return out;
  }

  private static Finding finding(JsonNode node, String at) {
    Obj f = new Obj(node, at, Set.of("component", "status", "subject", "message", "expected",
        "actual"));
    String status = f.text("status");
    Status parsed = null;
    for (Status s : Status.values()) {
      if (s != Status.COMPLIANT && s.label().equals(status)) {
        parsed = s;
      }
    }
    if (parsed == null) {
      throw new IllegalArgumentException(at + ".status: unknown status " + AwsValues.quote(status)
          + "; expected notice, drifted, unreachable or error");
    }
    return new Finding(f.text("component"), parsed, f.looseText("subject"), f.looseText("message"),
        f.optionalLooseText("expected"), f.optionalLooseText("actual"));
  }

  /**
   * Notes are not acted on; apply compares them with the notes of the plan it makes (as it does
   * the changes), so an edited note is refused there.
   */
  private static Note note(JsonNode node, String at) {
    Obj n = new Obj(node, at, Set.of("kind", "subject", "message"));
    String kind = n.text("kind");
    for (Note.Kind k : Note.Kind.values()) {
      if (k.name().equals(kind)) {
        return new Note(k, n.looseText("subject"), n.looseText("message"));
      }
    }
    throw new IllegalArgumentException(at + ".kind: unknown note kind " + AwsValues.quote(kind));
  }

  private static OuPath ouPath(String text, String at) {
    return OuPath.parse(checked(text, AwsValues::ouPath, at));
  }

  /** A path read from AWS: OU names made outside orgvend may hold any character. */
  private static OuPath livePath(String text, String at) {
    try {
      return OuPath.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(at + ": " + AwsValues.quote(text) + " is not an OU path");
    }
  }

  private static String checked(String value, java.util.function.Function<String, String> check,
      String at) {
    String problem = check.apply(value);
    if (problem != null) {
      throw new IllegalArgumentException(at + ": " + problem);
    }
    return value;
  }

  private static String string(JsonNode node, String at) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException(at + ": expected a string, found " + kind(node));
    }
    return clean(node.asText(), at);
  }

  /**
   * Text checked only for its type and length: what AWS reported (OU names in a path, tag keys,
   * findings, notes), which may hold characters specs refuse and is compared with what AWS
   * reports now, and the derived members (summary, descriptions), which are compared with what
   * the rest of the file gives. Either way an edit is refused, and the text is shown only
   * escaped.
   */
  private static String looseText(JsonNode node, String at) {
    if (!node.isTextual()) {
      throw new IllegalArgumentException(at + ": expected a string, found " + kind(node));
    }
    String text = node.asText();
    if (text.length() > AwsValues.MAX_STRING) {
      throw new IllegalArgumentException(at + ": is " + text.length() + " characters long; no"
          + " value in a saved plan may be longer than " + AwsValues.MAX_STRING);
    }
    return text;
  }

  private static String clean(String text, String at) {
    String problem = AwsValues.unsafe(text, "saved plan");
    if (problem != null) {
      throw new IllegalArgumentException(at + ": " + problem);
    }
    return text;
  }

  /** {@code at.name}, or {@code at["odd name"]} when the name is not a short plain word. */
  private static String member(String at, String name) {
    return PLAIN_MEMBER.matcher(name).matches() ? at + "." + name
        : at + "[" + AwsValues.quote(name) + "]";
  }

  private static String kind(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> "an object";
      case ARRAY -> "a list";
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      default -> "nothing";
    };
  }

  /**
   * Where and why the JSON does not parse: the position and the kind of token, never the file's
   * own text, which may be anything (a credentials file given as the plan by mistake).
   */
  private static String parseError(JsonProcessingException e) {
    String reason;
    if (e instanceof StreamConstraintsException) {
      reason = e.getOriginalMessage().startsWith("Document nesting depth")
          ? "it is nested more than " + StreamReadConstraints.defaults().getMaxNestingDepth()
              + " levels deep"
          : "it holds a value too large to read";
    } else {
      reason = SyntaxErrors.json(e);
    }
    var where = e.getLocation();
    String at = where == null || where.getLineNr() < 1 ? ""
        : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    return "not a saved plan: the JSON does not parse" + at + ": " + reason;
  }

  /** Text with unsafe characters escaped and cut at 200 characters. */
  private static String safe(String text) {
    int cut = text.offsetByCodePoints(0, Math.min(200, text.codePointCount(0, text.length())));
    return Printable.of(text.substring(0, cut)) + (cut < text.length() ? "…" : "");
  }

  /** An object with a known set of members (null: any), read member by member. */
  private static final class Obj {
    private final JsonNode node;
    private final String at;

    Obj(JsonNode node, String at, Set<String> allowed) {
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException(at + ": expected an object, found "
            + (node == null ? "nothing" : kind(node)));
      }
      this.node = node;
      this.at = at;
      if (allowed != null) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
          String name = names.next();
          if (!allowed.contains(name)) {
            throw new IllegalArgumentException(member(at, name) + ": unknown member; expected"
                + " one of: " + String.join(", ", allowed.stream().sorted().toList()));
          }
        }
      }
    }

    JsonNode required(String name) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        throw new IllegalArgumentException(at + "." + name + ": missing");
      }
      return value;
    }

    String text(String name) {
      String value = string(required(name), at + "." + name);
      if (value.isEmpty()) {
        throw new IllegalArgumentException(at + "." + name + ": must not be empty");
      }
      return value;
    }

    String text(String name, Pattern pattern, String problem) {
      String value = text(name);
      if (!pattern.matcher(value).matches()) {
        throw new IllegalArgumentException(at + "." + name + ": " + AwsValues.quote(value) + " "
            + problem);
      }
      return value;
    }

    String looseText(String name) {
      String value = PlanReader.looseText(required(name), at + "." + name);
      if (value.isEmpty()) {
        throw new IllegalArgumentException(at + "." + name + ": must not be empty");
      }
      return value;
    }

    String optionalLooseText(String name) {
      JsonNode value = node.get(name);
      return value == null || value.isNull() ? null : PlanReader.looseText(value, at + "." + name);
    }

    String optionalText(String name) {
      JsonNode value = node.get(name);
      return value == null || value.isNull() ? null : string(value, at + "." + name);
    }

    JsonNode list(String name) {
      JsonNode value = required(name);
      if (!value.isArray()) {
        throw new IllegalArgumentException(at + "." + name + ": expected a list, found "
            + kind(value));
      }
      return value;
    }

    JsonNode optionalList(String name) {
      JsonNode value = node.get(name);
      return value == null || value.isNull() ? JsonNodeFactory.instance.arrayNode() : list(name);
    }

    JsonNode optionalObject(String name) {
      JsonNode value = node.get(name);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isObject()) {
        throw new IllegalArgumentException(at + "." + name + ": expected an object, found "
            + kind(value));
      }
      return value;
    }
  }
}
