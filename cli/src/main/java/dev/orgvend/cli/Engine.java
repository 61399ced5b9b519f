package dev.orgvend.cli;

import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.aws.AwsClients;
import dev.orgvend.core.aws.AwsTarget;
import dev.orgvend.core.aws.Rate;
import dev.orgvend.core.aws.RateTable;
import dev.orgvend.core.baseline.Baseline;
import dev.orgvend.core.baseline.BaselineRunner;
import dev.orgvend.core.baseline.ComponentRegistry;
import dev.orgvend.core.baseline.MemberClients;
import dev.orgvend.core.session.MemberSessions;
import dev.orgvend.core.journal.Journal;
import dev.orgvend.core.live.OrganizationReader;
import dev.orgvend.core.spec.Settings;
import dev.orgvend.core.spec.Spec;
import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The composition root of a command that talks to an organization: the embedded sandbox if
 * asked for, SDK clients, the pacing and retrying caller, the worker pool, member-account
 * sessions and baselines, and the journal.
 */
final class Engine implements AutoCloseable {
  /** The one registry of baseline components; the spec loader checks baselines against it. */
  static final ComponentRegistry COMPONENTS = ComponentRegistry.standard();

  final Clock clock = Clock.systemUTC();
  final AwsClients clients;
  final AwsCaller caller;
  final ExecutorService pool;
  final Path journalPath;
  /** Accounts worked on at once by baseline reads, repairs and checks. */
  final int parallel;
  final MemberClients memberClients;
  final BaselineRunner baselineRunner;
  final Map<String, Baseline> baselines;
  private final Sandbox sandbox;
  private Journal journal;

  private Engine(AwsClients clients, AwsCaller caller, ExecutorService pool, Path journalPath,
      Sandbox sandbox, String sessionName, Map<String, Baseline> baselines, int parallel) {
    this.clients = clients;
    this.caller = caller;
    this.pool = pool;
    this.journalPath = journalPath;
    this.sandbox = sandbox;
    this.parallel = parallel;
    this.memberClients = new MemberClients(clients);
    this.baselineRunner = new BaselineRunner(new MemberSessions(clients, caller, sessionName,
        clock), memberClients, caller, parallel);
    this.baselines = baselines;
  }

  static Engine open(EngineOptions o, Spec spec) {
    return open(o, spec.settings().region(), spec.settings().roleSessionName(),
        COMPONENTS.compile(spec));
  }

  /** An engine for a command without a spec to read; {@code defaultRegion} unless --region. */
  static Engine open(EngineOptions o, String defaultRegion) {
    return open(o, defaultRegion, Settings.DEFAULT_ROLE_SESSION_NAME, Map.of());
  }

  private static Engine open(EngineOptions o, String defaultRegion, String sessionName,
      Map<String, Baseline> baselines) {
    o.check();
    // Every flag is checked before anything starts, so a typo leaves no sandbox running.
    Map<String, Rate> rateOverrides = o.rateOverrides();
    int parallel = o.parallel();
    String region = o.region != null ? o.region : defaultRegion;
    Path stateDir = o.specDir().resolve(".orgvend");
    Sandbox sandbox = null;
    AwsTarget target;
    RateTable rates;
    if (o.sandbox) {
      try {
        sandbox = Sandbox.builder().port(0).dataDir(stateDir.resolve("sandbox"))
            .settings(SandboxSettings.defaults()).start();
      } catch (RuntimeException e) {
        throw new UserError("cannot start the embedded sandbox in " + stateDir.resolve("sandbox")
            + ": " + e.getMessage(), ExitCodes.ERROR);
      }
      var keys = sandbox.managementCredentials();
      target = new AwsTarget(region, sandbox.endpoint(), null, StaticCredentialsProvider.create(
          AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())));
      rates = o.pace == EngineOptions.Pacing.aws ? RateTable.awsPublished() : RateTable.unlimited();
    } else {
      target = new AwsTarget(region, o.endpointUrl, o.profile, null);
      rates = o.pace == EngineOptions.Pacing.none ? RateTable.unlimited()
          : RateTable.awsPublished();
    }
    rates = rates.with(rateOverrides);
    Path journalPath = o.state != null ? o.state
        : o.sandbox ? stateDir.resolve("sandbox").resolve("journal.db")
        : stateDir.resolve("journal.db");
    // Room for the organization reader and apply's account steps next to the parallel checks.
    return new Engine(new AwsClients(target), AwsCaller.standard(rates),
        Executors.newFixedThreadPool(Math.max(16, parallel + 4), r -> {
          Thread t = new Thread(r, "orgvend-worker");
          t.setDaemon(true);
          return t;
        }), journalPath, sandbox, sessionName, baselines, parallel);
  }

  OrganizationReader reader() {
    return new OrganizationReader(clients.organizations(), caller, pool);
  }

  Journal journal() {
    if (journal == null) {
      journal = Journal.open(journalPath, clock);
    }
    return journal;
  }

  /** Where this engine's calls go, for messages. */
  String where() {
    return sandbox != null ? "the embedded sandbox"
        : clients.target().endpoint() != null ? clients.target().endpoint().toString() : "AWS";
  }

  @Override
  public void close() {
    pool.shutdownNow();
    memberClients.close();
    clients.close();
    if (journal != null) {
      journal.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }
}
