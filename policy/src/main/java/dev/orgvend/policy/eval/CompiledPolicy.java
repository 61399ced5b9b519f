package dev.orgvend.policy.eval;

import dev.orgvend.policy.PolicyDocument;
import dev.orgvend.policy.PolicyParser;
import dev.orgvend.policy.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A policy compiled for evaluation: its statements compiled once and indexed by service prefix,
 * so a request looks only at the statements that can match its service. Immutable and safe to
 * share; compile each policy once and reuse it for every level it is attached to.
 */
public final class CompiledPolicy {
  private static final CompiledStatement[] NONE = new CompiledStatement[0];

  private final String name;
  private final PolicyDocument document;
  private final Map<String, CompiledStatement[]> denies;
  private final Map<String, CompiledStatement[]> allows;
  private final CompiledStatement[] anyServiceDenies;
  private final CompiledStatement[] anyServiceAllows;

  private CompiledPolicy(String name, PolicyDocument document) {
    this.name = name;
    this.document = document;
    List<CompiledStatement> all = new ArrayList<>();
    for (Statement s : document.statements()) {
      all.add(CompiledStatement.compile(name, document, s));
    }
    Set<String> services = new LinkedHashSet<>();
    for (CompiledStatement s : all) {
      if (s.services != null) {
        services.addAll(s.services);
      }
    }
    this.anyServiceDenies = select(all, null, true);
    this.anyServiceAllows = select(all, null, false);
    Map<String, CompiledStatement[]> d = new HashMap<>();
    Map<String, CompiledStatement[]> a = new HashMap<>();
    for (String service : services) {
      d.put(service, select(all, service, true));
      a.put(service, select(all, service, false));
    }
    this.denies = Map.copyOf(d);
    this.allows = Map.copyOf(a);
  }

  /** The statements, in document order, that can match {@code service} (null: any service). */
  private static CompiledStatement[] select(List<CompiledStatement> all, String service,
      boolean deny) {
    List<CompiledStatement> out = new ArrayList<>();
    for (CompiledStatement s : all) {
      if (s.deny == deny && (s.services == null || s.services.contains(service))) {
        out.add(s);
      }
    }
    return out.isEmpty() ? NONE : out.toArray(CompiledStatement[]::new);
  }

  /** Compiles a document that passed the grammar ({@link dev.orgvend.policy.ParsedPolicy#ok}). */
  public static CompiledPolicy compile(String name, PolicyDocument document) {
    return new CompiledPolicy(name, document);
  }

  /**
   * Parses and compiles; throws {@link dev.orgvend.policy.InvalidPolicyException} when the text
   * is not a valid SCP.
   */
  public static CompiledPolicy parse(String name, String json) {
    return compile(name, PolicyParser.parse(name, json).orThrow());
  }

  public String name() {
    return name;
  }

  public PolicyDocument document() {
    return document;
  }

  CompiledStatement[] denies(String service) {
    return denies.getOrDefault(service, anyServiceDenies);
  }

  CompiledStatement[] allows(String service) {
    return allows.getOrDefault(service, anyServiceAllows);
  }

  @Override
  public String toString() {
    return name;
  }
}
