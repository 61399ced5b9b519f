package dev.orgvend.policy.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The evaluator against a table of cases ({@code eval-cases.yaml}), each traced to the AWS
 * documentation example or rule it comes from.
 *
 * <p>A case builds the path root → OUs → account from named policies ({@code root},
 * {@code ous}, {@code account}; by default FullAWSAccess on the root and the account), optionally
 * attaching one more policy ({@code policy}) to the root, and evaluates one request. It expects
 * {@code allow}, {@code deny} (an explicit deny by {@code statement} at {@code level}),
 * {@code implicit} (no Allow at {@code level}) or {@code exempt} (SCPs do not apply).
 */
class EvaluationCasesTest {
  private static final String DEFAULT_PRINCIPAL = "arn:aws:iam::111122223333:role/Developer";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static JsonNode table() throws IOException {
    try (InputStream in = EvaluationCasesTest.class.getResourceAsStream("/eval-cases.yaml")) {
      return YAML.readTree(in);
    }
  }

  @Test
  void table_hasAtLeast150Cases_eachTracedToItsSource() throws IOException {
    JsonNode cases = table().get("cases");
    assertThat(cases.size()).isGreaterThanOrEqualTo(150);
    List<String> names = new ArrayList<>();
    for (JsonNode c : cases) {
      assertThat(c.path("source").asText()).as(c.path("name").asText()).isNotBlank();
      names.add(c.path("name").asText());
    }
    assertThat(names).doesNotHaveDuplicates();
  }

  @TestFactory
  Stream<DynamicTest> evaluate_eachCase_givesTheDocumentedDecision() throws IOException {
    JsonNode table = table();
    Map<String, CompiledPolicy> policies = new HashMap<>();
    table.get("policies").fields().forEachRemaining(e ->
        policies.put(e.getKey(), CompiledPolicy.parse(e.getKey(), e.getValue().asText())));
    ScpEvaluator evaluator = ScpEvaluator.create();
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode c : table.get("cases")) {
      tests.add(DynamicTest.dynamicTest(c.get("name").asText(),
          () -> check(evaluator, policies, c)));
    }
    return tests.stream();
  }

  private static void check(ScpEvaluator evaluator, Map<String, CompiledPolicy> named,
      JsonNode c) {
    Map<String, CompiledPolicy> policies = new HashMap<>(named);
    List<CompiledPolicy> extra = new ArrayList<>();
    if (c.has("policy")) {
      CompiledPolicy inline = CompiledPolicy.parse("inline", c.get("policy").asText());
      policies.put("inline", inline);
      extra.add(inline);
    }
    List<Level> levels = new ArrayList<>();
    List<CompiledPolicy> root = policiesOf(c.get("root"), policies, List.of("FullAWSAccess"));
    root = new ArrayList<>(root);
    root.addAll(extra);
    levels.add(new Level(Level.TargetType.ROOT, "r-root", "root", root));
    int ou = 1;
    for (JsonNode attached : c.path("ous")) {
      levels.add(Level.ou("ou-" + ou, "ou" + ou, policiesOf(attached, policies, List.of())));
      ou++;
    }
    levels.add(Level.account("111122223333", "account",
        policiesOf(c.get("account"), policies, List.of("FullAWSAccess"))));

    RequestContext.Builder context = RequestContext.builder(
        c.path("principal").asText(DEFAULT_PRINCIPAL));
    if (c.path("management").asBoolean(false)) {
      context.managementAccount(true);
    }
    if (c.path("slr").asBoolean(false)) {
      context.serviceLinkedRole(true);
    }
    c.path("tags").fields().forEachRemaining(e -> context.principalTag(e.getKey(),
        e.getValue().asText()));
    if (c.has("time")) {
      context.time(Instant.parse(c.get("time").asText()));
    }
    if (c.has("org")) {
      context.organizationId(c.get("org").asText());
    }
    c.path("context").fields().forEachRemaining(e -> context.put(e.getKey(),
        e.getValue().asText()));
    c.path("multi").fields().forEachRemaining(e -> {
      List<String> values = new ArrayList<>();
      e.getValue().forEach(v -> values.add(v.asText()));
      context.putAll(e.getKey(), values);
    });
    AccessRequest request = AccessRequest.of(context.build(), c.get("action").asText(),
        c.path("resource").asText("*"));

    Decision decision = evaluator.evaluate(OrgPath.of(levels), request);

    String expect = c.get("expect").asText();
    String why = c.get("name").asText() + " [" + c.get("source").asText() + "]: "
        + decision.explain();
    switch (expect) {
      case "allow" -> assertThat(decision).as(why).isInstanceOf(Decision.Allowed.class);
      case "exempt" -> assertThat(decision).as(why).isInstanceOf(Decision.NotApplicable.class);
      case "deny" -> {
        assertThat(decision).as(why).isInstanceOf(Decision.ExplicitDeny.class);
        Decision.ExplicitDeny deny = (Decision.ExplicitDeny) decision;
        if (c.has("statement")) {
          assertThat(deny.statement().statement().label().replace("\"", ""))
              .as(why).isEqualTo(c.get("statement").asText());
        }
        if (c.has("policyName")) {
          assertThat(deny.statement().policy()).as(why).isEqualTo(c.get("policyName").asText());
        }
        assertThat(deny.level().name()).as(why).isEqualTo(c.path("level").asText("root"));
        assertThat(deny.awsMessage()).endsWith("with an explicit deny in a service control policy");
      }
      case "implicit" -> {
        assertThat(decision).as(why).isInstanceOf(Decision.ImplicitDeny.class);
        assertThat(((Decision.ImplicitDeny) decision).level().name()).as(why)
            .isEqualTo(c.get("level").asText());
        assertThat(decision.awsMessage()).endsWith("because no service control policy allows the "
            + request.action() + " action");
      }
      default -> throw new AssertionError("unknown expectation " + expect);
    }
  }

  private static List<CompiledPolicy> policiesOf(JsonNode names, Map<String, CompiledPolicy> all,
      List<String> defaults) {
    List<CompiledPolicy> out = new ArrayList<>();
    if (names == null || names.isMissingNode()) {
      defaults.forEach(n -> out.add(all.get(n)));
      return out;
    }
    for (JsonNode n : names) {
      CompiledPolicy p = all.get(n.asText());
      assertThat(p).as("policy " + n.asText()).isNotNull();
      out.add(p);
    }
    return out;
  }
}
