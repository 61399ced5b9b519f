package dev.orgvend.core.apply;

import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.aws.ErrorKind;
import dev.orgvend.core.journal.JournalStore;
import dev.orgvend.core.plan.Change;
import dev.orgvend.core.session.MemberSessions;
import dev.orgvend.core.spec.AccountSpec;
import dev.orgvend.core.time.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ConstraintViolationException;
import software.amazon.awssdk.services.organizations.model.CreateAccountState;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.DuplicateAccountException;
import software.amazon.awssdk.services.organizations.model.SourceParentNotFoundException;

/** The steps of one account's change: create or await, place, tag, check usable. */
final class AccountSteps {
  private final OrganizationsClient orgs;
  private final AwsCaller caller;
  private final JournalStore journal;
  private final Progress progress;
  private final ApplyOptions options;
  private final CreationTracker tracker;
  private final UsableCheck usable;
  private final Ticker ticker;
  private final Semaphore slots;
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
    this.tracker = tracker;
    this.usable = new UsableCheck(sessions, ticker, options.usableTimeout());
    this.ticker = ticker;
    this.slots = slots;
    this.baseline = baseline;
    this.rootId = rootId;
    this.runId = runId;
  }

  /** Thrown by a step that failed; its message says what to do. */
  private static final class StepFailed extends RuntimeException {
    final String accountId;

    StepFailed(String message, String accountId) {
      super(message, null, false, false);
      this.accountId = accountId;
    }
  }

  Outcome run(Change change, Map<String, String> ouIds) {
    AccountSpec account = accountOf(change);
    try {
      String accountId;
      if (change instanceof Change.CreateAccount c) {
        accountId = create(c.account());
        place(accountId, c.account(), rootId, ouIds);
        verifyUsable(accountId, c.account());
        applyBaseline(accountId, c.account());
      } else if (change instanceof Change.AwaitCreation c) {
        accountId = awaitExisting(c.requestId(), c.account());
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
          e.accountId == null ? Map.of() : Map.of("accountId", e.accountId));
      return new Outcome(change.action(), account.name(), false, e.accountId, e.getMessage());
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

  /** CreateAccount within the in-flight limit, then wait for the result. */
  private String create(AccountSpec account) {
    acquireSlot();
    try {
      long action = journal.intent(runId, "CreateAccount", account.name(), account.email(),
          "ou=" + account.ouPath());
      CreateAccountStatus started = requestCreation(account, action);
      journal.requested(action, started.id());
      progress.event("account-requested", account.name(), "requested account "
          + Applier.describe(account) + " (" + started.id() + ")",
          Map.of("requestId", started.id()));
      CreateAccountStatus done = finish(started.id(), account);
      if (done.state() == CreateAccountState.SUCCEEDED) {
        journal.done(action, done.accountId(), null);
        progress.event("account-created", account.name(), "created account " + account.name()
            + " (" + done.accountId() + ")", Map.of("accountId", done.accountId()));
        return done.accountId();
      }
      String reason = done.failureReasonAsString();
      Optional<String> adopted = adoptAfter(reason, account);
      if (adopted.isPresent()) {
        journal.done(action, adopted.get(), "adopted after " + reason);
        return adopted.get();
      }
      String message = "creation failed (" + reason + "): " + FailureReasons.explain(reason);
      journal.failed(action, message);
      throw new StepFailed(message, null);
    } finally {
      slots.release();
    }
  }

  private void acquireSlot() {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AwsCaller.Interrupted();
    }
  }

  private CreateAccountStatus requestCreation(AccountSpec account, long action) {
    Duration wait = Duration.ofMillis(500);
    while (true) {
      try {
        return caller.call("CreateAccount", () -> orgs.createAccount(r -> r
            .accountName(account.name()).email(account.email())
            .roleName(account.roleName())
            .iamUserAccessToBilling(account.iamUserAccessToBilling().name())
            .tags(Applier.tags(account.tags())))).createAccountStatus();
      } catch (ConstraintViolationException e) {
        if (!"ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED".equals(e.reasonAsString())) {
          journal.failed(action, "CreateAccount refused: " + e.reasonAsString());
          throw new StepFailed("CreateAccount refused (" + e.reasonAsString() + "): "
              + constraintAdvice(e.reasonAsString()), null);
        }
        // Creations of other runs or people fill the organization's in-flight quota: wait.
        sleep(wait);
        wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(15)) > 0
            ? Duration.ofSeconds(15) : wait.multipliedBy(2);
      } catch (AwsServiceException e) {
        journal.failed(action, ErrorKind.code(e) + ": " + e.getMessage());
        throw new StepFailed("CreateAccount failed: " + ErrorKind.code(e) + ": "
            + e.awsErrorDetails().errorMessage(), null);
      }
    }
  }

  private static String constraintAdvice(String reason) {
    return switch (reason == null ? "" : reason) {
      case "ACCOUNT_NUMBER_LIMIT_EXCEEDED" -> "the organization is at its account quota;"
          + " ask AWS Support to raise it, then run apply again";
      default -> "see the AWS Organizations documentation for ConstraintViolationException";
    };
  }

  private CreateAccountStatus finish(String requestId, AccountSpec account) {
    try {
      return ticker.await(tracker.watch(requestId), options.creationTimeout());
    } catch (TimeoutException e) {
      throw new StepFailed("creation " + requestId + " did not finish within "
          + options.creationTimeout().toMinutes() + " minutes; run apply again later to pick it"
          + " up (it is journaled)", null);
    } catch (InterruptedException | CancellationException e) {
      Thread.currentThread().interrupt();
      throw new AwsCaller.Interrupted();
    } catch (ExecutionException e) {
      throw new StepFailed("could not follow creation " + requestId + ": " + e.getCause(), null);
    }
  }

  /**
   * Waits for a creation an earlier run requested. It is journaled like a creation of this run
   * (kind AwaitCreation, with the request id), so the journal names the account every request
   * ended in even when the run that sent it died first.
   */
  private String awaitExisting(String requestId, AccountSpec account) {
    long action = journal.intent(runId, "AwaitCreation", account.name(), account.email(),
        "ou=" + account.ouPath());
    journal.requested(action, requestId);
    CreateAccountStatus done = finish(requestId, account);
    if (done.state() == CreateAccountState.SUCCEEDED) {
      journal.done(action, done.accountId(), null);
      progress.event("account-created", account.name(), "creation " + requestId + " of "
          + account.name() + " finished (" + done.accountId() + ")",
          Map.of("accountId", done.accountId()));
      return done.accountId();
    }
    String reason = done.failureReasonAsString();
    Optional<String> adopted = adoptAfter(reason, account);
    if (adopted.isPresent()) {
      journal.done(action, adopted.get(), "adopted after " + reason);
      return adopted.get();
    }
    String message = "the creation already in flight (" + requestId + ") failed (" + reason
        + "); run apply again to create the account";
    journal.failed(action, message);
    throw new StepFailed(message, null);
  }

  /**
   * A creation that failed because the address is taken or already being created may have lost
   * a race with another request for the same account: one of ours whose answer was lost (a
   * dropped connection, then a retry), an interrupted run's, or another machine's. If a request
   * for the same account name is still in flight, wait for it; if the address now belongs to an
   * account in this organization, that is the account we wanted.
   */
  private Optional<String> adoptAfter(String reason, AccountSpec account) {
    if (!"EMAIL_ALREADY_EXISTS".equals(reason)
        && !"CONCURRENT_ACCOUNT_MODIFICATION".equals(reason)) {
      return Optional.empty();
    }
    Optional<String> twin = caller.call("ListCreateAccountStatus", () -> orgs
        .listCreateAccountStatusPaginator(r -> r.states(CreateAccountState.IN_PROGRESS)).stream()
        .flatMap(page -> page.createAccountStatuses().stream())
        .filter(s -> s.accountName().equals(account.name()))
        .map(CreateAccountStatus::id).findFirst());
    if (twin.isPresent()) {
      CreateAccountStatus other = finish(twin.get(), account);
      if (other.state() == CreateAccountState.SUCCEEDED) {
        progress.event("account-created", account.name(), "creation " + twin.get() + " of "
            + account.name() + " finished (" + other.accountId() + ")",
            Map.of("accountId", other.accountId()));
        return Optional.of(other.accountId());
      }
    }
    return caller.call("ListAccounts", () -> orgs.listAccountsPaginator().stream()
        .flatMap(page -> page.accounts().stream())
        .filter(a -> a.email().equalsIgnoreCase(account.email())).map(Account::id).findFirst());
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

  private void sleep(Duration duration) {
    try {
      ticker.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AwsCaller.Interrupted();
    }
  }
}
