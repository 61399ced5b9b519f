package dev.orgvend.policy.lint;

import dev.orgvend.policy.ParsedPolicy;
import dev.orgvend.policy.PolicyDocument;
import dev.orgvend.policy.PolicyParser;
import dev.orgvend.policy.Position;
import dev.orgvend.policy.Problem;
import dev.orgvend.policy.Rule;
import dev.orgvend.policy.ScpLimits;
import dev.orgvend.policy.Severity;
import dev.orgvend.policy.Statement;
import dev.orgvend.policy.Text;
import dev.orgvend.policy.catalogue.ActionCatalogue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks service control policies offline: the grammar and size ({@link PolicyParser}), the
 * actions against the IAM catalogue, the conditions, and the foot-guns that lock accounts out;
 * and, given the attachments of a target or the policies along an account's path, the attachment
 * limits and the levels that allow nothing. Every problem has a position and says what to do.
 */
public final class PolicyLinter {
  private final ActionCatalogue catalogue;
  private final ActionChecks actions;
  private final ConditionChecks conditions;
  private final LockoutChecks lockouts = new LockoutChecks();

  private PolicyLinter(ActionCatalogue catalogue) {
    this.catalogue = catalogue;
    this.actions = new ActionChecks(catalogue);
    this.conditions = new ConditionChecks(catalogue);
  }

  public static PolicyLinter create(ActionCatalogue catalogue) {
    return new PolicyLinter(catalogue);
  }

  public ActionCatalogue catalogue() {
    return catalogue;
  }

  /** Parses and checks one policy document; problems in file order. */
  public List<Problem> lint(String source, String text) {
    return lint(PolicyParser.parse(source, text));
  }

  /** Checks a parsed policy: its grammar problems and, for what could be read, the rest. */
  public List<Problem> lint(ParsedPolicy parsed) {
    List<Problem> out = new ArrayList<>(parsed.problems());
    PolicyDocument doc = parsed.document();
    if (doc != null) {
      actions.check(doc, out);
      conditions.check(doc, out);
      lockouts.check(doc, out);
    }
    out.sort(Problem.ORDER);
    return List.copyOf(out);
  }

  /**
   * Checks the SCPs attached directly to one target: at least one (AWS refuses to detach the
   * last), at most {@link ScpLimits#MAX_ATTACHED_PER_TARGET}, none twice.
   *
   * @param source the file the attachments are declared in
   * @param at where they are declared
   * @param target the target, for messages, e.g. {@code OU "Prod"}
   * @param policyNames the names of the attached policies, FullAWSAccess included
   */
  public List<Problem> lintAttachments(String source, Position at, String target,
      List<String> policyNames) {
    List<Problem> out = new ArrayList<>();
    if (policyNames.isEmpty()) {
      out.add(new Problem(source, at, Severity.ERROR, Rule.ATTACHMENTS, target + " has no SCP"
          + " attached; AWS keeps at least one on every root, OU and account, and with none"
          + " nothing would be allowed below it", "attach FullAWSAccess, or a policy that allows"
          + " what the accounts below need"));
    }
    if (policyNames.size() > ScpLimits.MAX_ATTACHED_PER_TARGET) {
      out.add(new Problem(source, at, Severity.ERROR, Rule.ATTACHMENTS, target + " has "
          + policyNames.size() + " SCPs attached directly; AWS allows at most "
          + ScpLimits.MAX_ATTACHED_PER_TARGET + " per root, OU or account (FullAWSAccess"
          + " included)", "merge some of the policies, or attach some to a parent OU"));
    }
    Set<String> seen = new HashSet<>();
    for (String name : policyNames) {
      if (!seen.add(name)) {
        out.add(new Problem(source, at, Severity.ERROR, Rule.ATTACHMENTS, "the policy "
            + Text.quote(name) + " is attached to " + target + " twice",
            "list it once; AWS attaches a policy to a target only once"));
      }
    }
    return List.copyOf(out);
  }

  /** One level of an account's path and the documents of the SCPs attached directly to it. */
  public record PathLevel(String source, Position at, String target,
      List<PolicyDocument> policies) {
    public PathLevel {
      policies = List.copyOf(policies);
    }
  }

  /**
   * Checks the levels from the root down to an account: a level none of whose policies has an
   * Allow statement denies everything to every account below it ("SCP evaluation": an Allow is
   * needed at every level). A level that only allows some actions (an allow list) gets a note.
   */
  public List<Problem> lintPath(List<PathLevel> path) {
    List<Problem> out = new ArrayList<>();
    for (PathLevel level : path) {
      List<Statement> allows = level.policies().stream()
          .flatMap(p -> p.statements().stream()).filter(s -> !s.isDeny()).toList();
      if (allows.isEmpty()) {
        out.add(new Problem(level.source(), level.at(), Severity.ERROR, Rule.NO_ALLOW_ON_PATH,
            "no SCP attached to " + level.target() + " has an Allow statement, so every action"
                + " is denied to every account below it", "attach FullAWSAccess to "
                + level.target() + ", or a policy that allows what the accounts below need"));
      } else if (allows.stream().noneMatch(PolicyLinter::allowsEverything)) {
        out.add(new Problem(level.source(), level.at(), Severity.NOTE, Rule.NO_ALLOW_ON_PATH,
            "the SCPs attached to " + level.target() + " allow only some actions (an allow"
                + " list); everything else is denied to every account below it",
            "make sure the allow list covers what those accounts (and orgvend's member role)"
                + " need"));
      }
    }
    return List.copyOf(out);
  }

  private static boolean allowsEverything(Statement s) {
    return !s.notAction() && !s.notResource() && s.conditions().isEmpty()
        && s.actions().stream().anyMatch(a -> a.value().equals("*") || a.value().equals("*:*"))
        && s.resources().stream().anyMatch(r -> r.value().equals("*"));
  }
}
