package dev.orgvend.core.plan;

import dev.orgvend.core.baseline.Finding;
import dev.orgvend.core.spec.AccountSpec;
import dev.orgvend.core.spec.OuPath;
import java.util.List;
import java.util.Map;

/** One change a plan makes to the organization. Exhaustive: apply switches over all of them. */
public sealed interface Change {

  /** A short, stable name for output and the journal, e.g. {@code create-account}. */
  String action();

  /** What the change is about: an OU path or an account name. */
  String subject();

  /**
   * Whether the change removes something from the organization that the spec does not name
   * (today: tags not in the spec). Plans show such changes with {@code -}, and apply makes them
   * only when asked to explicitly.
   */
  default boolean removes() {
    return false;
  }

  /** Create the OU at {@code path}; its parent exists or is created earlier in the plan. */
  record CreateOu(OuPath path) implements Change {
    @Override
    public String action() {
      return "create-ou";
    }

    @Override
    public String subject() {
      return path.toString();
    }
  }

  /** Create the account, then move it to its OU (CreateAccount puts it in the root). */
  record CreateAccount(AccountSpec account) implements Change {
    @Override
    public String action() {
      return "create-account";
    }

    @Override
    public String subject() {
      return account.name();
    }
  }

  /**
   * A CreateAccount request for this account is already in flight (an earlier, interrupted run
   * or another machine): wait for it instead of sending a second one, then place and tag.
   */
  record AwaitCreation(String requestId, AccountSpec account) implements Change {
    @Override
    public String action() {
      return "await-creation";
    }

    @Override
    public String subject() {
      return account.name();
    }
  }

  /** Move an existing account from {@code from} to the spec's OU. */
  record MoveAccount(String accountId, AccountSpec account, OuPath from) implements Change {
    @Override
    public String action() {
      return "move-account";
    }

    @Override
    public String subject() {
      return account.name();
    }
  }

  /** Set and remove tags of an existing account so they equal the spec's. */
  record RetagAccount(String accountId, AccountSpec account, Map<String, String> set,
      List<String> remove) implements Change {
    public RetagAccount {
      set = Map.copyOf(set);
      remove = List.copyOf(remove);
    }

    @Override
    public String action() {
      return "retag-account";
    }

    @Override
    public boolean removes() {
      return !remove.isEmpty();
    }

    @Override
    public String subject() {
      return account.name();
    }
  }

  /**
   * Bring an existing account's baseline back to the spec; {@code findings} are the differences
   * seen when planning (apply reads the account again before changing anything).
   */
  record ApplyBaseline(String accountId, AccountSpec account, List<Finding> findings)
      implements Change {
    public ApplyBaseline {
      findings = List.copyOf(findings);
    }

    @Override
    public String action() {
      return "apply-baseline";
    }

    @Override
    public String subject() {
      return account.name();
    }
  }
}
