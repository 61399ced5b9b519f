package dev.orgvend.sandbox;

import dev.orgvend.sandbox.SandboxSettings.OrgLimits;
import dev.orgvend.sandbox.account.AccountService;
import dev.orgvend.sandbox.auth.AccessKey;
import dev.orgvend.sandbox.auth.Credentials;
import dev.orgvend.sandbox.auth.Principal;
import dev.orgvend.sandbox.auth.SigV4Authenticator;
import dev.orgvend.sandbox.cloudwatch.CloudWatchService;
import dev.orgvend.sandbox.front.AwsFront;
import dev.orgvend.sandbox.front.RequestStats;
import dev.orgvend.sandbox.iam.IamService;
import dev.orgvend.sandbox.iam.Roles;
import dev.orgvend.sandbox.organizations.OrgRules;
import dev.orgvend.sandbox.organizations.OrganizationsService;
import dev.orgvend.sandbox.protocol.Service;
import dev.orgvend.sandbox.realism.Dice;
import dev.orgvend.sandbox.realism.Pause;
import dev.orgvend.sandbox.realism.Realism;
import dev.orgvend.sandbox.realism.RealismKnobs;
import dev.orgvend.sandbox.route.Routes;
import dev.orgvend.sandbox.sns.SnsService;
import dev.orgvend.sandbox.state.Ids;
import dev.orgvend.sandbox.state.SandboxClock;
import dev.orgvend.sandbox.state.SqliteStore;
import dev.orgvend.sandbox.state.Store;
import dev.orgvend.sandbox.state.World;
import dev.orgvend.sandbox.sts.StsService;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * The one place where the sandbox's parts are made and wired together by constructor: clock,
 * ids, store, credentials, the services, routing, authentication, the realism knobs and the
 * front. {@link Sandbox} adds the HTTP server and the public door.
 */
final class Assembly {
  static final String ADMIN_USER = "sandbox-admin";
  /** Mixed into the seed for request ids and dice, so they draw apart from resource ids. */
  private static final long REQUEST_STREAM = 0x5eed_0f_4e5175L;

  final SandboxClock clock;
  final Ids ids;
  final Ids requestIds;
  final World world;
  final Credentials credentials;
  final OrganizationsService organizations;
  final SnsService sns;
  final AwsFront front;
  private final Object settingsLock = new Object();
  private volatile Current current;
  private volatile SandboxCredentials management;
  private String managementEmail;
  private boolean withOrganization;

  /** The settings and what the parts read of them, replaced together. */
  private record Current(SandboxSettings settings, OrgRules orgRules, RealismKnobs knobs) {
    static Current of(SandboxSettings s) {
      OrgLimits l = s.orgLimits();
      OrgRules rules = new OrgRules(s.createAccountDelay(),
          s.overQuota() == SandboxSettings.OverQuota.ASYNC, s.accountLimit(),
          s.maxCreationsInFlight(), l.maxOus(), l.maxPolicies(), l.maxScpChars(),
          l.maxPoliciesPerTarget(), l.maxConcurrentClosures(), l.closeQuotaFloor());
      Map<String, RealismKnobs.TokenRate> rates = new LinkedHashMap<>();
      s.rateOverrides().forEach((op, r) ->
          rates.put(op, new RealismKnobs.TokenRate(r.perSecond(), r.burst())));
      RealismKnobs knobs = new RealismKnobs(s.latency(), s.faultRate(), s.dropRate(),
          s.throttleRate(), s.slowRate(), s.slowLatency(),
          s.throttling() == SandboxSettings.Throttling.AWS, rates);
      return new Current(s, rules, knobs);
    }
  }

  Assembly(SandboxSettings settings, Clock clock, Long seed, Path dataDir) {
    this.current = Current.of(settings);
    this.clock = new SandboxClock(clock, Clock.systemUTC());
    long requestSeed = seed == null ? new SecureRandom().nextLong() : seed ^ REQUEST_STREAM;
    this.ids = new Ids(seed == null ? new SecureRandom() : new Random(seed));
    this.requestIds = new Ids(new Random(requestSeed));
    Store store = dataDir == null ? Store.inMemory()
        : SqliteStore.open(dataDir.resolve("sandbox.db"));
    this.world = new World(this.clock, ids, store);
    this.credentials = new Credentials(store);
    Roles roles = new Roles(store, ids);
    this.organizations = new OrganizationsService(store, ids, () -> current.orgRules(), roles);
    this.sns = new SnsService(store, ids);
    List<Service> services = List.of(
        organizations.service(),
        new StsService(credentials, roles, organizations.directory(), ids).service(),
        new IamService(roles, store).service(),
        sns.service(),
        new CloudWatchService(store, CloudWatchService.DEFAULT_ALARM_QUOTA).service(),
        new AccountService(store, organizations.directory()).service());
    world.onSettle(organizations::settle);
    Realism realism = new Realism(new Dice(requestSeed), this.clock, Pause.SLEEP);
    this.front = new AwsFront(Routes.of(services),
        SigV4Authenticator.headerSigned(credentials, this.clock), realism,
        () -> current.knobs(), world, new RequestStats());
  }

  SandboxSettings settings() {
    return current.settings();
  }

  void updateSettings(UnaryOperator<SandboxSettings> change) {
    synchronized (settingsLock) {
      current = Current.of(change.apply(current.settings()));
    }
  }

  SandboxCredentials management() {
    return management;
  }

  /** Makes sure the management account (and organization) exist, and its admin has a key. */
  void bootstrap(String managementEmail, boolean withOrganization, String fixedKeyId,
      String fixedSecret) {
    this.managementEmail = managementEmail;
    this.withOrganization = withOrganization;
    this.management = world.transact(() -> {
      String accountId = organizations.bootstrap(managementEmail, withOrganization,
          clock.now());
      return adminKey(accountId, fixedKeyId, fixedSecret);
    });
  }

  /** Wipes all state, request counts and throttling history; the management keys stay. */
  void reset() {
    SandboxCredentials keep = management;
    world.transact(() -> world.store().clear());
    front.resetRealism();
    front.stats().reset();
    bootstrap(managementEmail, withOrganization, keep.accessKeyId(), keep.secretAccessKey());
  }

  /** The management admin's key: the one given, the one stored, or a new one. */
  private SandboxCredentials adminKey(String accountId, String fixedKeyId, String fixedSecret) {
    String arn = "arn:aws:iam::" + accountId + ":user/" + ADMIN_USER;
    if (fixedKeyId != null) {
      if (credentials.find(fixedKeyId).isEmpty()) {
        credentials.add(new AccessKey(fixedKeyId, fixedSecret, null, null,
            new Principal(accountId, arn, "AIDA" + ids.upperAlnum(17),
                Principal.Kind.USER, null)));
      }
      AccessKey key = credentials.find(fixedKeyId).orElseThrow();
      return new SandboxCredentials(key.accessKeyId(), key.secretAccessKey(), accountId);
    }
    AccessKey key = credentials.firstLongTermKey(arn).orElseGet(() -> {
      AccessKey created = new AccessKey("AKIA" + ids.upperAlnum(16), ids.base64(40), null, null,
          new Principal(accountId, arn, "AIDA" + ids.upperAlnum(17), Principal.Kind.USER,
              null));
      credentials.add(created);
      return created;
    });
    return new SandboxCredentials(key.accessKeyId(), key.secretAccessKey(), accountId);
  }
}
