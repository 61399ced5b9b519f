package dev.orgvend.policy.eval;

import dev.orgvend.policy.ConditionClause;
import dev.orgvend.policy.ConditionOperator.Family;
import dev.orgvend.policy.Effect;
import dev.orgvend.policy.Located;
import dev.orgvend.policy.PolicyDocument;
import dev.orgvend.policy.Statement;
import dev.orgvend.policy.Wildcard;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A statement ready to match requests: action patterns lowered and compiled, resource patterns
 * split into ARN segments, conditions compiled. A statement with policy variables is compiled
 * again for each request, after its variables were put in.
 */
final class CompiledStatement {
  final StatementRef ref;
  final boolean deny;
  /** The service prefixes the statement can match, lower case; null when it can match any. */
  final Set<String> services;
  private final boolean notAction;
  /** Action-name patterns of the patterns whose service is written out, by service. */
  private final Map<String, Wildcard[]> actionsByService;
  /** Whole patterns whose service part has a wildcard (or {@code *} alone). */
  private final Wildcard[] otherActions;
  private final boolean notResource;
  private final List<Template> resourceTemplates;
  private final List<ConditionClause> clauses;
  private final List<List<Template>> conditionTemplates;
  private final boolean dynamic;
  private final ArnPattern[] resources;
  private final ConditionTest[] conditions;

  private CompiledStatement(String policy, PolicyDocument doc, Statement s) {
    this.ref = new StatementRef(policy, s);
    this.deny = s.effect() == Effect.DENY;
    this.notAction = s.notAction();
    Map<String, List<Wildcard>> byService = new HashMap<>();
    List<Wildcard> others = new ArrayList<>();
    for (Located a : s.actions()) {
      String v = a.value().toLowerCase(Locale.ROOT);
      int colon = v.indexOf(':');
      if (colon < 0 || Wildcard.hasWildcard(v.substring(0, colon))) {
        others.add(Wildcard.compile(v));
      } else {
        byService.computeIfAbsent(v.substring(0, colon), k -> new ArrayList<>())
            .add(Wildcard.compile(v.substring(colon + 1)));
      }
    }
    Map<String, Wildcard[]> index = new HashMap<>();
    byService.forEach((k, v) -> index.put(k, v.toArray(Wildcard[]::new)));
    this.actionsByService = Map.copyOf(index);
    this.otherActions = others.toArray(Wildcard[]::new);
    this.services = notAction ? null : literalServices(s.actions());
    this.notResource = s.notResource();
    boolean vars = doc.supportsVariables();
    this.resourceTemplates = s.resources().stream()
        .map(r -> Template.parse(r.value(), vars)).toList();
    this.clauses = s.conditions();
    List<List<Template>> templates = new ArrayList<>();
    for (ConditionClause c : clauses) {
      Family family = c.operator().comparison().family();
      boolean allowed = vars && (family == Family.STRING || family == Family.ARN);
      templates.add(c.values().stream().map(v -> Template.parse(v.value(), allowed)).toList());
    }
    this.conditionTemplates = templates;
    this.dynamic = resourceTemplates.stream().anyMatch(Template::hasVariables)
        || templates.stream().flatMap(List::stream).anyMatch(Template::hasVariables);
    this.resources = dynamic ? null : resourcePatterns(null);
    this.conditions = dynamic ? null : conditionTests(null);
  }

  static CompiledStatement compile(String policy, PolicyDocument doc, Statement s) {
    return new CompiledStatement(policy, doc, s);
  }

  private static Set<String> literalServices(List<Located> actions) {
    Set<String> out = new LinkedHashSet<>();
    for (Located a : actions) {
      String v = a.value().toLowerCase(Locale.ROOT);
      int colon = v.indexOf(':');
      if (colon < 0 || Wildcard.hasWildcard(v.substring(0, colon))) {
        return null;
      }
      out.add(v.substring(0, colon));
    }
    return out;
  }

  /** The resource patterns with variables from {@code context}; null if one cannot resolve. */
  private ArnPattern[] resourcePatterns(RequestContext context) {
    ArnPattern[] out = new ArnPattern[resourceTemplates.size()];
    for (int i = 0; i < out.length; i++) {
      Template t = resourceTemplates.get(i);
      PatternText text = context == null ? t.text() : t.resolve(context);
      if (text == null) {
        return null;
      }
      out[i] = ArnPattern.of(text);
    }
    return out;
  }

  private ConditionTest[] conditionTests(RequestContext context) {
    ConditionTest[] out = new ConditionTest[clauses.size()];
    for (int i = 0; i < out.length; i++) {
      List<PatternText> values = new ArrayList<>();
      for (Template t : conditionTemplates.get(i)) {
        PatternText text = context == null ? t.text() : t.resolve(context);
        if (text == null) {
          return null;
        }
        values.add(text);
      }
      out[i] = ConditionTest.compile(clauses.get(i), values);
    }
    return out;
  }

  /** A statement with variables compiled for one context; NONE when a variable has no value. */
  private record Instance(ArnPattern[] resources, ConditionTest[] conditions) {}

  private static final Instance NONE = new Instance(null, null);

  private Instance instantiate(RequestContext context) {
    ArnPattern[] res = resourcePatterns(context);
    ConditionTest[] tests = res == null ? null : conditionTests(context);
    return tests == null ? NONE : new Instance(res, tests);
  }

  boolean matches(AccessRequest r) {
    if (!actionMatches(r)) {
      return false;
    }
    ArnPattern[] res = resources;
    ConditionTest[] tests = conditions;
    if (dynamic) {
      Instance instance = (Instance) r.context().instance(this, c -> instantiate(c));
      if (instance == NONE) {
        return false;
      }
      res = instance.resources();
      tests = instance.conditions();
    }
    boolean anyResource = false;
    for (ArnPattern p : res) {
      if (p.matches(r.resource(), r.resourceParts())) {
        anyResource = true;
        break;
      }
    }
    if (anyResource == notResource) {
      return false;
    }
    for (ConditionTest t : tests) {
      if (!t.test(r.context())) {
        return false;
      }
    }
    return true;
  }

  private boolean actionMatches(AccessRequest r) {
    Wildcard[] names = actionsByService.get(r.service());
    if (names != null) {
      String name = r.loweredName();
      for (Wildcard w : names) {
        if (w.matches(name)) {
          return !notAction;
        }
      }
    }
    String action = r.loweredAction();
    for (Wildcard w : otherActions) {
      if (w.matches(action)) {
        return !notAction;
      }
    }
    return notAction;
  }
}
