package dev.orgvend.core.apply;

import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.aws.ErrorKind;
import dev.orgvend.core.journal.JournalStore;
import dev.orgvend.core.spec.AccountSpec;
import dev.orgvend.core.time.Ticker;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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

/**
 * How an account comes to exist: a CreateAccount request within the in-flight quota, or a
 * creation an earlier run left in flight, followed to its end by the {@link CreationTracker}
 * and journaled before the request, when AWS names it, and when it ends. A creation that lost a
 * race for its address adopts the account that won it.
 */
final class AccountCreation {
  private final OrganizationsClient orgs;
  private final AwsCaller caller;
  private final JournalStore journal;
  private final Progress progress;
  private final ApplyOptions options;
  private final CreationTracker tracker;
  private final Ticker ticker;
  private final Semaphore slots;
  private final long runId;

  AccountCreation(OrganizationsClient orgs, AwsCaller caller, JournalStore journal,
      Progress progress, ApplyOptions options, CreationTracker tracker, Ticker ticker,
      Semaphore slots, long runId) {
    this.orgs = orgs;
    this.caller = caller;
    this.journal = journal;
    this.progress = progress;
    this.options = options;
    this.tracker = tracker;
    this.ticker = ticker;
    this.slots = slots;
    this.runId = runId;
  }

  /** CreateAccount within the in-flight limit, then wait for the result. */
  String create(AccountSpec account) {
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
  String awaitExisting(String requestId, AccountSpec account) {
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

  private void sleep(Duration duration) {
    try {
      ticker.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AwsCaller.Interrupted();
    }
  }
}
