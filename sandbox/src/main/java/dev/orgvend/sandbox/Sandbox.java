package dev.orgvend.sandbox;

import dev.orgvend.sandbox.account.AccountService;
import dev.orgvend.sandbox.admin.AdminApi;
import dev.orgvend.sandbox.auth.AccessKey;
import dev.orgvend.sandbox.auth.Credentials;
import dev.orgvend.sandbox.auth.Principal;
import dev.orgvend.sandbox.cloudwatch.CloudWatchService;
import dev.orgvend.sandbox.http.Front;
import dev.orgvend.sandbox.http.RequestStats;
import dev.orgvend.sandbox.iam.IamService;
import dev.orgvend.sandbox.iam.Roles;
import dev.orgvend.sandbox.organizations.OrganizationSeeder;
import dev.orgvend.sandbox.organizations.OrganizationsService;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.protocol.Service;
import dev.orgvend.sandbox.sns.SnsService;
import dev.orgvend.sandbox.state.Ids;
import dev.orgvend.sandbox.state.SandboxClock;
import dev.orgvend.sandbox.state.SqliteStore;
import dev.orgvend.sandbox.state.Store;
import dev.orgvend.sandbox.state.World;
import dev.orgvend.sandbox.sts.StsService;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.xnio.Options;

/**
 * A running sandbox: the one place where the clock, ids, store, services and HTTP server are
 * built and wired together. Start one with {@link #builder()}; close it to stop the server and
 * release its store.
 */
public final class Sandbox implements AutoCloseable {
  static final String ADMIN_USER = "sandbox-admin";

  private final World world;
  private final Credentials credentials;
  private final OrganizationsService organizations;
  private final AtomicReference<SandboxSettings> settings;
  private final Front front;
  private final Undertow server;
  private final URI endpoint;
  private final Builder config;
  private volatile SandboxCredentials management;

  private Sandbox(Builder b) {
    this.config = b;
    SandboxClock clock = new SandboxClock(b.clock);
    Ids ids = new Ids(b.seed == null ? new SecureRandom() : new Random(b.seed));
    Store store = b.dataDir == null ? Store.inMemory() : SqliteStore.open(b.dataDir.resolve("sandbox.db"));
    this.world = new World(clock, ids, store);
    this.settings = new AtomicReference<>(b.settings);
    this.credentials = new Credentials(store, clock);
    Roles roles = new Roles(store, ids);
    this.organizations = new OrganizationsService(store, ids, settings::get, roles);
    StsService sts = new StsService(credentials, roles, organizations.directory(), ids);
    SnsService sns = new SnsService(store, ids);
    List<Service> services = List.of(organizations, sts, new IamService(roles, store), sns,
        new CloudWatchService(store, CloudWatchService.DEFAULT_ALARM_QUOTA),
        new AccountService(store, organizations.directory()));
    world.onSettle(organizations::settle);
    bootstrap(b.accessKeyId, b.secretAccessKey);

    AdminApi admin = new AdminApi(this);
    registerSnsConfirm(admin, sns);
    this.front = new Front(services, credentials, world, settings::get, admin, b.maxBodyBytes);
    this.server = Undertow.builder()
        .addHttpListener(b.port, b.host)
        .setIoThreads(2)
        .setWorkerThreads(b.workerThreads)
        .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) b.readTimeout.toMillis())
        .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 120_000)
        .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 64 * 1024)
        .setSocketOption(Options.READ_TIMEOUT, (int) b.readTimeout.toMillis())
        .setHandler(front)
        .build();
    server.start();
    InetSocketAddress bound = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
    String host = b.host.contains(":") ? "[" + b.host + "]" : b.host;
    this.endpoint = URI.create("http://" + host + ":" + bound.getPort());
  }

  /**
   * {@code POST /_sandbox/sns/confirm?subscriptionArn=…} (or {@code ?topicArn=…&endpoint=…})
   * confirms a pending e-mail or HTTP(S) subscription, standing in for the recipient's click.
   */
  private void registerSnsConfirm(AdminApi admin, SnsService sns) {
    admin.register("POST /_sandbox/sns/confirm", (q, b) -> {
      String arn = world.transact(() -> sns.confirmSubscription(
          q.get("subscriptionArn"), q.get("topicArn"), q.get("endpoint")));
      return Nodes.object().put("subscriptionArn", arn).put("confirmed", true);
    });
  }

  private void bootstrap(String fixedKeyId, String fixedSecret) {
    this.management = world.transact(() -> {
      String accountId = organizations.bootstrap(config.managementEmail, config.withOrganization,
          world.clock().now());
      return adminKey(accountId, fixedKeyId, fixedSecret);
    });
  }

  /** The management admin's key: the one given, the one stored, or a new one. */
  private SandboxCredentials adminKey(String accountId, String fixedKeyId, String fixedSecret) {
    String arn = "arn:aws:iam::" + accountId + ":user/" + ADMIN_USER;
    if (fixedKeyId != null) {
      if (credentials.find(fixedKeyId).isEmpty()) {
        credentials.add(new AccessKey(fixedKeyId, fixedSecret, null, null,
            new Principal(accountId, arn, "AIDA" + world.ids().upperAlnum(17),
                Principal.Kind.USER, null)));
      }
      AccessKey key = credentials.find(fixedKeyId).orElseThrow();
      return new SandboxCredentials(key.accessKeyId(), key.secretAccessKey(), accountId);
    }
    AccessKey key = credentials.firstLongTermKey(arn).orElseGet(() -> {
      AccessKey created = new AccessKey("AKIA" + world.ids().upperAlnum(16),
          world.ids().base64(40), null, null,
          new Principal(accountId, arn, "AIDA" + world.ids().upperAlnum(17),
              Principal.Kind.USER, null));
      credentials.add(created);
      return created;
    });
    return new SandboxCredentials(key.accessKeyId(), key.secretAccessKey(), accountId);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Where AWS clients should send requests, e.g. {@code http://127.0.0.1:4566}. */
  public URI endpoint() {
    return endpoint;
  }

  public SandboxCredentials managementCredentials() {
    return management;
  }

  /**
   * Every access key this sandbox has issued and not yet pruned, secrets included: the
   * management keys and the temporary keys of AssumeRole sessions. The sandbox is the credential
   * authority here, as IAM and STS are in AWS; this is for tests that look for leaked secrets.
   */
  public List<AccessKey> accessKeys() {
    return credentials.all();
  }

  public SandboxSettings settings() {
    return settings.get();
  }

  public void updateSettings(UnaryOperator<SandboxSettings> change) {
    settings.updateAndGet(change);
  }

  public World world() {
    return world;
  }

  public OrganizationsService organizations() {
    return organizations;
  }

  /**
   * The AWS API requests received since the start or the last reset, by service and operation,
   * as reads, writes and unrecognised requests (see {@link RequestStats}).
   */
  public RequestStats.Snapshot stats() {
    return front.stats().snapshot();
  }

  /** Starts counting requests from zero. */
  public void resetStats() {
    front.stats().reset();
  }

  /**
   * Builds part of the organization straight into the sandbox's state, in one transaction: OUs
   * and member accounts appear as the API would have made them, without a request for each (see
   * {@link OrganizationSeeder}). Returns what {@code build} returns.
   */
  public <T> T seed(Function<OrganizationSeeder, T> build) {
    return world.transact(() -> organizations.seed(world.clock().now(), build));
  }

  /** Wipes all state and the request counts, and starts again with the same management keys. */
  public void reset() {
    SandboxCredentials keep = management;
    world.transact(() -> world.store().clear());
    front.resetThrottling();
    front.stats().reset();
    bootstrap(keep.accessKeyId(), keep.secretAccessKey());
  }

  @Override
  public void close() {
    server.stop();
    world.store().close();
  }

  /** Settings for a sandbox; every one has a default that suits tests and local runs. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 4566;
    private Path dataDir;
    private SandboxSettings settings = SandboxSettings.defaults();
    private Clock clock = Clock.systemUTC();
    private Long seed;
    private String managementEmail = "management@example.com";
    private boolean withOrganization = true;
    private String accessKeyId;
    private String secretAccessKey;
    private int maxBodyBytes = 1 << 20;
    private int workerThreads = 128;
    private Duration readTimeout = Duration.ofSeconds(20);

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** 0 picks a free port. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Keep state in {@code dir/sandbox.db}; without it, state lives in memory only. */
    public Builder dataDir(Path dir) {
      this.dataDir = dir;
      return this;
    }

    public Builder settings(SandboxSettings settings) {
      this.settings = settings;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Makes ids and generated keys reproducible. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public Builder managementEmail(String email) {
      this.managementEmail = email;
      return this;
    }

    /** Start with the organization already created (the default), or without one. */
    public Builder withOrganization(boolean create) {
      this.withOrganization = create;
      return this;
    }

    /** Use these management keys instead of generated ones. */
    public Builder managementKey(String accessKeyId, String secretAccessKey) {
      this.accessKeyId = accessKeyId;
      this.secretAccessKey = secretAccessKey;
      return this;
    }

    public Builder maxBodyBytes(int bytes) {
      this.maxBodyBytes = bytes;
      return this;
    }

    public Builder workerThreads(int threads) {
      this.workerThreads = threads;
      return this;
    }

    /** How long a client may take to send a request before its connection is closed. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    public Sandbox start() {
      return new Sandbox(this);
    }
  }
}
