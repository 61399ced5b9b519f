package dev.orgvend.core.apply;

import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.aws.ErrorKind;
import dev.orgvend.core.journal.JournalStore;
import dev.orgvend.core.plan.Change;
import dev.orgvend.core.session.MemberSessions;
import dev.orgvend.core.spec.AccountSpec;
import dev.orgvend.core.time.Ticker;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.DuplicateAccountException;
import software.amazon.awssdk.services.organizations.model.SourceParentNotFoundException;

/**
 * The steps of one account's change: create or await ({@link AccountCreation}), place, tag, check
 * usable ({@link UsableCheck}), apply the baseline ({@link BaselineStep}).
 */
final class AccountSteps {
  private final OrganizationsClient orgs;
  private final AwsCaller caller;
  private final JournalStore journal;
  private final Progress progress;
  private final ApplyOptions options;
  private final AccountCreation creation;
  private final UsableCheck usable;
  private final BaselineStep baseline;
  private final String rootId;
  private final long runId;

  AccountSteps(OrganizationsClient orgs, AwsCaller caller, JournalStore journal, Progress progress,
      ApplyOptions options, CreationTracker tracker, MemberSessions sessions, Ticker ticker,
      Semaphore slots, BaselineStep baseline, String rootId, long runId) {
    this.orgs = orgs;
    this.caller = caller;
    this.journal = journal;
    this.progress = progress;
    this.options = options;
    this.creation = new AccountCreation(orgs, caller, journal, progress, options, tracker,
        ticker, slots, runId);
    this.usable = new UsableCheck(sessions, ticker, options.usableTimeout());
    this.baseline = baseline;
    this.rootId = rootId;
    this.runId = runId;
  }

  Outcome run(Change change, Map<String, String> ouIds) {
    AccountSpec account = accountOf(change);
    try {
      String accountId;
      if (change instanceof Change.CreateAccount c) {
        accountId = creation.create(c.account());
        place(accountId, c.account(), rootId, ouIds);
        verifyUsable(accountId, c.account());
        applyBaseline(accountId, c.account());
      } else if (change instanceof Change.AwaitCreation c) {
        accountId = creation.awaitExisting(c.requestId(), c.account());
        place(accountId, c.account(), rootId, ouIds);
        retagToSpec(accountId, c.account());
        verifyUsable(accountId, c.account());
        applyBaseline(accountId, c.account());
      } else if (change instanceof Change.ApplyBaseline c) {
        accountId = c.accountId();
        applyBaseline(accountId, c.account());
      } else if (change instanceof Change.MoveAccount c) {
        accountId = c.accountId();
        place(accountId, c.account(), currentParent(accountId), ouIds);
      } else if (change instanceof Change.RetagAccount c) {
        accountId = c.accountId();
        retag(accountId, c.account(), c.set(), c.remove());
      } else {
        throw new IllegalArgumentException("not an account change: " + change.action());
      }
      return new Outcome(change.action(), account.name(), true, accountId, "done");
    } catch (StepFailed e) {
      progress.event("account-failed", account.name(), account.name() + ": " + e.getMessage(),
          e.accountId() == null ? Map.of() : Map.of("accountId", e.accountId()));
      return new Outcome(change.action(), account.name(), false, e.accountId(), e.getMessage());
    }
  }

  private static AccountSpec accountOf(Change change) {
    if (change instanceof Change.CreateAccount c) {
      return c.account();
    }
    if (change instanceof Change.AwaitCreation c) {
      return c.account();
    }
    if (change instanceof Change.MoveAccount c) {
      return c.account();
    }
    if (change instanceof Change.RetagAccount c) {
      return c.account();
    }
    if (change instanceof Change.ApplyBaseline c) {
      return c.account();
    }
    throw new IllegalArgumentException("not an account change: " + change.action());
  }

  private String currentParent(String accountId) {
    return caller.call("ListParents", () -> orgs.listParents(r -> r.childId(accountId)))
        .parents().get(0).id();
  }

  private void place(String accountId, AccountSpec account, String fromParent,
      Map<String, String> ouIds) {
    String target = ouIds.get(String.join("/", account.ouPath().segments()));
    if (target == null) {
      throw new StepFailed("its OU " + account.ouPath() + " could not be created", accountId);
    }
    if (target.equals(fromParent)) {
      return;
    }
    long action = journal.intent(runId, "MoveAccount", account.name(), account.email(),
        fromParent + " -> " + target);
    try {
      move(accountId, fromParent, target);
    } catch (AwsServiceException e) {
      journal.failed(action, ErrorKind.code(e));
      throw new StepFailed("could not move it to " + account.ouPath() + ": "
          + ErrorKind.code(e) + ": " + e.awsErrorDetails().errorMessage(), accountId);
    }
    journal.done(action, accountId, null);
    progress.event("account-moved", account.name(), "moved " + account.name() + " to "
        + account.ouPath(), Map.of("accountId", accountId));
  }

  /**
   * MoveAccount, tolerant of its own lost answers: if the account is already in the target
   * (DuplicateAccountException), it is done; if it is no longer where we thought
   * (SourceParentNotFoundException, e.g. a retry after the first move went through), ask where
   * it is and move from there.
   */
  private void move(String accountId, String fromParent, String target) {
    String source = fromParent;
    for (int attempt = 0; attempt < 3; attempt++) {
      String from = source;
      try {
        caller.run("MoveAccount", () -> orgs.moveAccount(r -> r.accountId(accountId)
            .sourceParentId(from).destinationParentId(target)));
        return;
      } catch (DuplicateAccountException e) {
        return;
      } catch (SourceParentNotFoundException e) {
        source = currentParent(accountId);
        if (source.equals(target)) {
          return;
        }
      }
    }
    throw new StepFailed("the account kept changing parents while being moved; run apply again",
        accountId);
  }

  private void retagToSpec(String accountId, AccountSpec account) {
    Map<String, String> have = new TreeMap<>();
    caller.call("ListTagsForResource", () -> orgs.listTagsForResourcePaginator(
        r -> r.resourceId(accountId)).stream().flatMap(page -> page.tags().stream()).toList())
        .forEach(t -> have.put(t.key(), t.value()));
    Map<String, String> set = new TreeMap<>();
    account.tags().forEach((k, v) -> {
      if (!v.equals(have.get(k))) {
        set.put(k, v);
      }
    });
    // Only sets: a tag not in the spec is removed only when a plan showed it (RetagAccount) and
    // the run was allowed to remove; the next plan lists any left here.
    retag(accountId, account, set, List.of());
  }

  private void retag(String accountId, AccountSpec account, Map<String, String> set,
      List<String> remove) {
    if (set.isEmpty() && remove.isEmpty()) {
      return;
    }
    long action = journal.intent(runId, "TagAccount", account.name(), account.email(),
        "set " + set + " remove " + remove);
    try {
      if (!set.isEmpty()) {
        caller.run("TagResource", () -> orgs.tagResource(r -> r.resourceId(accountId)
            .tags(Applier.tags(set))));
      }
      if (!remove.isEmpty()) {
        caller.run("UntagResource", () -> orgs.untagResource(r -> r.resourceId(accountId)
            .tagKeys(remove)));
      }
    } catch (AwsServiceException e) {
      journal.failed(action, ErrorKind.code(e));
      throw new StepFailed("could not tag it: " + ErrorKind.code(e) + ": "
          + e.awsErrorDetails().errorMessage(), accountId);
    }
    journal.done(action, accountId, null);
    progress.event("account-tagged", account.name(), "tagged " + account.name(),
        Map.of("accountId", accountId));
  }

  private void applyBaseline(String accountId, AccountSpec account) {
    String problem = baseline.run(accountId, account);
    if (problem != null) {
      throw new StepFailed(problem, accountId);
    }
  }

  /** A new account is done only when its member role can be assumed (see {@link UsableCheck}). */
  private void verifyUsable(String accountId, AccountSpec account) {
    if (!options.verifyUsable()) {
      return;
    }
    if (usable.await(accountId, account.roleName()) instanceof UsableCheck.Refused refused) {
      throw new StepFailed(refused.why(), accountId);
    }
    progress.event("account-usable", account.name(), account.name()
        + " is usable through role " + account.roleName(), Map.of("accountId", accountId));
  }
}
