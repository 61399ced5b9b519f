package dev.orgvend.core.engine;

import dev.orgvend.core.apply.Progress;
import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.aws.AwsClients;
import dev.orgvend.core.aws.CallStats;
import dev.orgvend.core.aws.Permissions;
import dev.orgvend.core.baseline.Baseline;
import dev.orgvend.core.baseline.BaselineRunner;
import dev.orgvend.core.baseline.ComponentRegistry;
import dev.orgvend.core.baseline.MemberClients;
import dev.orgvend.core.check.ReportSet;
import dev.orgvend.core.imports.SpecImport;
import dev.orgvend.core.journal.JournalStore;
import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.live.OrganizationReader;
import dev.orgvend.core.plan.Plan;
import dev.orgvend.core.plan.Planner;
import dev.orgvend.core.plan.Quotas;
import dev.orgvend.core.session.MemberSessions;
import dev.orgvend.core.spec.AccountDefaults;
import dev.orgvend.core.spec.AccountSpec;
import dev.orgvend.core.spec.Spec;
import dev.orgvend.core.spec.SpecLoader;
import dev.orgvend.core.spec.SpecResult;
import dev.orgvend.core.time.Ticker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * The one door to orgvend's engine, and the one place it is wired: SDK clients, the pacing and
 * retrying caller, the worker pool, member-account sessions and baselines, the journal, all
 * built from one {@link EngineConfig}. The command line, the benchmarks and the tests drive
 * organizations through it: {@link #read}, {@link #plan}, {@link #startApply} and
 * {@link #check}. It knows nothing of where its endpoint comes from; the command line starts an
 * embedded sandbox itself and hands over its address and keys.
 *
 * <p>An engine serves one caller's runs one after another; {@link #close()} it when done.
 */
public final class Engine implements AutoCloseable {
  /** The one registry of baseline components; specs are checked and compiled against it. */
  private static final ComponentRegistry COMPONENTS = ComponentRegistry.standard();

  private final EngineConfig config;
  private final AwsClients clients;
  private final AwsCaller caller;
  private final ExecutorService pool;
  private final MemberClients memberClients;
  private final BaselineRunner baselineRunner;
  private JournalStore journal;

  private Engine(EngineConfig config) {
    this.config = config;
    this.clients = new AwsClients(config.target());
    this.caller = AwsCaller.standard(config.rates(), config.ticker(), new Random(config.seed()));
    // Room for the organization reader and apply's account steps next to the parallel checks.
    this.pool = Executors.newFixedThreadPool(Math.max(16, config.parallel() + 4), r -> {
      Thread t = new Thread(r, "orgvend-worker");
      t.setDaemon(true);
      return t;
    });
    this.memberClients = new MemberClients(clients);
    this.baselineRunner = new BaselineRunner(new MemberSessions(clients, caller,
        config.sessionName(), config.ticker()), memberClients, caller, config.parallel());
  }

  /** An engine for {@code config}; nothing is sent to AWS until it is asked to. */
  public static Engine start(EngineConfig config) {
    return new Engine(config);
  }

  /** A spec loader that checks baselines against the components this engine has. */
  public static SpecLoader specLoader() {
    return SpecLoader.create(COMPONENTS);
  }

  /** Loads and checks a spec file: every problem at once, or the spec. */
  public static SpecResult loadSpec(Path file) {
    return specLoader().load(file);
  }

  public EngineConfig config() {
    return config;
  }

  /** The calls made so far, by operation, and the errors seen. */
  public CallStats stats() {
    return caller.stats();
  }

  public Ticker ticker() {
    return config.ticker();
  }

  /**
   * Reads the organization as planning needs it: the OU tree, every account, the tags of the
   * spec's accounts, and the creations in flight.
   */
  public LiveOrganization read(Spec spec) {
    Set<String> emails = spec.accounts().stream().map(AccountSpec::email)
        .map(e -> e.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    return reader().read(a -> emails.contains(a.email().toLowerCase(Locale.ROOT)));
  }

  /** Reads the whole organization, with the tags of every account (for import). */
  public LiveOrganization readAll() {
    return reader().read(account -> true);
  }

  /**
   * Reads the whole organization and writes it down as a spec that plans to no changes, headed
   * by comments that say where and when it came from.
   *
   * @param fileName names the text in problems
   * @throws SpecImport.NotRepresentable when the organization breaks a rule specs enforce
   */
  public SpecImport.Imported importSpec(String fileName) {
    LiveOrganization live = readAll();
    return SpecImport.of(live, fileName, List.of(
        "Imported from organization " + live.id() + " by 'orgvend import' on "
            + config.ticker().now().truncatedTo(ChronoUnit.SECONDS) + ".",
        "AWS does not report an account's member role or IAM billing access, so the"
            + " defaults are assumed",
        "(roleName: " + AccountDefaults.DEFAULT_ROLE_NAME + "); add a defaults section if"
            + " yours differ."));
  }

  /**
   * The least-privilege IAM policy for orgvend's management-account calls: everything apply
   * needs, or with {@code readOnly} what plan, check and import need. {@code sts:AssumeRole} is
   * limited to the member roles {@code spec} names (for read-only, of accounts with a
   * baseline); without a spec, AWS's default member role (none for read-only).
   */
  public static String permissions(Spec spec, boolean readOnly) {
    List<String> roles;
    if (readOnly) {
      roles = spec == null ? List.of() : spec.accounts().stream()
          .filter(a -> a.baseline() != null).map(AccountSpec::roleName).distinct().toList();
    } else if (spec == null) {
      roles = List.of(AccountDefaults.DEFAULT_ROLE_NAME);
    } else {
      roles = spec.accounts().stream().map(AccountSpec::roleName).distinct().toList();
      if (roles.isEmpty()) {
        roles = List.of(spec.defaults().roleName());
      }
    }
    return Permissions.policy(roles, readOnly);
  }

  /** The IAM policy the member role needs for the baseline components (read-only: for check). */
  public static String memberPermissions(boolean readOnly) {
    return Permissions.memberPolicy(readOnly);
  }

  /** Reads the organization and plans against it. */
  public Plan plan(Spec spec) {
    return plan(spec, read(spec));
  }

  /**
   * Plans against an organization read with {@link #read}, reading the baselines of the spec's
   * accounts that exist and have one (read calls only). A plan that would break one of the
   * organization's quotas ({@link EngineConfig#limits}) carries a quota note for each.
   */
  public Plan plan(Spec spec, LiveOrganization live) {
    return Quotas.check(Planner.plan(spec, live, new BaselineInspection(baselineRunner, pool)
        .inspect(spec, baselines(spec), live)), live, config.limits());
  }

  /**
   * Begins an apply: takes the journal's run lock, reads the organization, plans, refuses a plan
   * that does not fit the organization's quotas, checks a saved plan against the new one, and
   * settles what interrupted runs left in the journal (each settlement is a {@code recovered}
   * event on {@code progress}). Nothing is written to AWS until {@link ApplyRun#apply()};
   * closing the run releases the lock.
   *
   * @throws Refusal if the plan does not fit the quotas or the saved plan may not be applied
   *     (nothing was changed)
   * @throws dev.orgvend.core.journal.RunLock.Held if another apply holds the journal
   */
  public ApplyRun startApply(ApplyRequest request, Progress progress) {
    return ApplyRun.start(this, request, progress);
  }

  /**
   * One check sweep: reads the organization, compares every spec account with it and writes
   * each result to the reports {@code options} choose as soon as it is known, and records the
   * sweep (and what is not compliant) in the journal as a {@code check} run.
   *
   * @param specLabel how the journal names the spec
   */
  public SweepResult check(Spec spec, String specLabel, ReportSet.Options options) {
    return new Sweep(this, spec, specLabel, options).run();
  }

  /** Waits between two sweeps of a repeated check; Ctrl-C ends the wait. */
  public void pause(Duration duration) {
    try {
      config.ticker().sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AwsCaller.Interrupted();
    }
  }

  // What the run classes of this package share.

  AwsClients clients() {
    return clients;
  }

  AwsCaller caller() {
    return caller;
  }

  ExecutorService pool() {
    return pool;
  }

  BaselineRunner baselineRunner() {
    return baselineRunner;
  }

  Map<String, Baseline> baselines(Spec spec) {
    return COMPONENTS.compile(spec);
  }

  /** The journal, opened the first time a run needs it. */
  synchronized JournalStore journal() {
    if (journal == null) {
      journal = config.journal().open(config.ticker().clock());
    }
    return journal;
  }

  private OrganizationReader reader() {
    return new OrganizationReader(clients.organizations(), caller, pool);
  }

  @Override
  public synchronized void close() {
    pool.shutdownNow();
    memberClients.close();
    clients.close();
    if (journal != null) {
      journal.close();
    }
  }
}
