package dev.orgvend.core.baseline;

import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.session.MemberSessions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Inspects and repairs baselines in member accounts: enters the account through its member
 * role, then runs each component. At most {@code parallelism} accounts are worked on at once,
 * whatever the callers' thread count. An account that cannot be entered gives findings, never
 * an exception.
 */
public final class BaselineRunner {
  private final MemberSessions sessions;
  private final MemberClients clients;
  private final AwsCaller caller;
  private final Semaphore slots;

  /** An account to work on: its id, its spec name and the role to enter it through. */
  public record Target(String accountId, String name, String roleName) {}

  public BaselineRunner(MemberSessions sessions, MemberClients clients, AwsCaller caller,
      int parallelism) {
    this.sessions = sessions;
    this.clients = clients;
    this.caller = caller;
    this.slots = new Semaphore(parallelism);
  }

  public MemberSessions sessions() {
    return sessions;
  }

  /**
   * Compares the account with the baseline using read calls only. The member session is not
   * kept afterwards, so a sweep over many accounts holds no more than it is working on.
   */
  public AccountResult inspect(Target target, Baseline baseline) {
    return withSlot(() -> {
      try {
        MemberAccount account = enter(target);
        List<ComponentResult> results = new ArrayList<>();
        for (ConfiguredComponent<?, ?> c : baseline.components()) {
          results.add(c.inspect(account));
        }
        return new AccountResult(target.accountId(), results);
      } catch (SdkException e) {
        return unreachable(target, baseline, e);
      } finally {
        sessions.forget(target.accountId(), target.roleName());
      }
    });
  }

  /** Changes what differs, component by component, recording each change in {@code log}. */
  public AccountResult repair(Target target, Baseline baseline, StepLog log) {
    return withSlot(() -> {
      MemberAccount account;
      try {
        account = enter(target);
      } catch (SdkException e) {
        return unreachable(target, baseline, e);
      }
      List<ComponentResult> results = new ArrayList<>();
      for (ConfiguredComponent<?, ?> c : baseline.components()) {
        results.add(c.repair(account, log));
      }
      return new AccountResult(target.accountId(), results);
    });
  }

  private MemberAccount enter(Target target) {
    AwsCredentialsProvider session = sessions.credentials(target.accountId(), target.roleName());
    return new MemberAccount(target.accountId(), target.name(), session, clients, caller);
  }

  private static AccountResult unreachable(Target target, Baseline baseline, SdkException e) {
    List<ComponentResult> results = new ArrayList<>();
    for (String component : baseline.componentNames()) {
      results.add(ComponentResult.of(component,
          List.of(Failures.unreachable(component, target.roleName(), e))));
    }
    return new AccountResult(target.accountId(), results);
  }

  private interface Work {
    AccountResult run();
  }

  private AccountResult withSlot(Work work) {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AwsCaller.Interrupted();
    }
    try {
      return work.run();
    } finally {
      slots.release();
    }
  }
}
