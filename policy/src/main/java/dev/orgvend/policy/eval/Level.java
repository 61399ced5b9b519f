package dev.orgvend.policy.eval;

import dev.orgvend.policy.Text;
import java.util.List;

/**
 * One node on the path from the root to an account, with the SCPs attached directly to it
 * (inherited ones belong to the levels above).
 *
 * @param id the root, OU or account id, e.g. {@code r-ab12}, {@code ou-ab12-34cd56ef}
 * @param name a name for messages (OU or account name; may equal the id)
 */
public record Level(TargetType type, String id, String name, List<CompiledPolicy> policies) {
  /** What a level is. */
  public enum TargetType {
    ROOT("root"),
    ORGANIZATIONAL_UNIT("OU"),
    ACCOUNT("account");

    private final String word;

    TargetType(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }
  }

  public Level {
    policies = List.copyOf(policies);
  }

  public static Level root(String id, List<CompiledPolicy> policies) {
    return new Level(TargetType.ROOT, id, id, policies);
  }

  public static Level ou(String id, String name, List<CompiledPolicy> policies) {
    return new Level(TargetType.ORGANIZATIONAL_UNIT, id, name, policies);
  }

  public static Level account(String id, String name, List<CompiledPolicy> policies) {
    return new Level(TargetType.ACCOUNT, id, name, policies);
  }

  /** {@code OU "Prod" (ou-ab12-34cd56ef)}, or {@code root r-ab12}. */
  public String describe() {
    return name.equals(id) ? type.word() + " " + Text.printable(id)
        : type.word() + " " + Text.quote(name) + " (" + Text.printable(id) + ")";
  }
}
