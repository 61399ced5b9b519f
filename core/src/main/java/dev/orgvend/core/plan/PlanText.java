package dev.orgvend.core.plan;

import dev.orgvend.core.output.Printable;
import dev.orgvend.core.spec.AccountSpec;
import java.util.Map;

/**
 * The plan as people read it, in the spirit of {@code terraform plan}. Every name, path, tag and
 * message in it comes from the spec or from AWS, so each is passed through {@link Printable}: a
 * line break or an escape sequence in an OU name shows as {@code \n} or {@code \x1b}, never as a
 * forged line or a command to the terminal.
 */
public final class PlanText {
  private PlanText() {}

  public static String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    out.append("Organization ").append(p(plan.organizationId())).append('\n');
    if (!plan.hasChanges()) {
      out.append("\nNo changes. The organization matches the spec.\n");
    } else {
      out.append("\norgvend will:\n");
      for (Change change : plan.changes()) {
        out.append("  ").append(line(change)).append('\n');
      }
    }
    if (!plan.notes().isEmpty()) {
      out.append("\nNotes:\n");
      for (Note note : plan.notes()) {
        out.append(note.kind().isError() ? "  ! " : "  - ").append(p(note.message()))
            .append('\n');
      }
    }
    out.append('\n').append(summary(plan)).append('\n');
    return out.toString();
  }

  public static String summary(Plan plan) {
    long baselines = plan.count(Change.ApplyBaseline.class);
    long removals = plan.tagsToRemove();
    return String.format("Plan: %d OU(s) to create, %d account(s) to create, %d to await, "
        + "%d to move, %d to retag%s%s; %d unmanaged account(s) left alone.",
        plan.count(Change.CreateOu.class), plan.count(Change.CreateAccount.class),
        plan.count(Change.AwaitCreation.class), plan.count(Change.MoveAccount.class),
        plan.count(Change.RetagAccount.class),
        // Mentioned only when there are some, so plans without them read as before.
        baselines == 0 ? "" : ", " + baselines + " baseline(s) to repair",
        removals == 0 ? "" : ", " + removals + " tag(s) to remove",
        plan.notes().stream().filter(n -> n.kind() == Note.Kind.UNMANAGED_ACCOUNT).count());
  }

  static String line(Change change) {
    if (change instanceof Change.CreateOu c) {
      return "+ create OU " + p(c.path());
    }
    if (change instanceof Change.CreateAccount c) {
      return "+ create account " + p(c.account().name()) + " <" + p(c.account().email())
          + "> in " + p(c.account().ouPath()) + tags(c.account().tags()) + baseline(c.account());
    }
    if (change instanceof Change.ApplyBaseline c) {
      StringBuilder line = new StringBuilder("~ apply baseline " + p(c.account().baseline())
          + " to account " + p(c.account().name()) + " (" + p(c.accountId()) + "):");
      c.findings().forEach(f -> line.append("\n      ").append(p(f.component())).append(": ")
          .append(p(f.message())));
      return line.toString();
    }
    if (change instanceof Change.AwaitCreation c) {
      return "~ await creation " + p(c.requestId()) + " of account " + p(c.account().name())
          + " (already in flight), then place it in " + p(c.account().ouPath());
    }
    if (change instanceof Change.MoveAccount c) {
      return "~ move account " + p(c.account().name()) + " (" + p(c.accountId()) + ") from "
          + p(c.from()) + " to " + p(c.account().ouPath());
    }
    Change.RetagAccount c = (Change.RetagAccount) change;
    String account = "account " + p(c.account().name()) + " (" + p(c.accountId()) + ")";
    // A removal gets a line of its own, marked '-', so it cannot hide inside an update.
    String untag = "- remove tag(s) " + p(String.join(", ", c.remove())) + " from " + account;
    if (c.set().isEmpty()) {
      return untag;
    }
    String retag = "~ retag " + account + " set " + p(new java.util.TreeMap<>(c.set()));
    return c.remove().isEmpty() ? retag : retag + "\n  " + untag;
  }

  private static String baseline(AccountSpec account) {
    return account.baseline() == null ? "" : ", then baseline " + p(account.baseline());
  }

  private static String tags(Map<String, String> tags) {
    return tags.isEmpty() ? "" : " with tags " + p(tags);
  }

  private static String p(Object value) {
    return Printable.of(value);
  }
}
