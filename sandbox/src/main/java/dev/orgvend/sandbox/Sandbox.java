package dev.orgvend.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.orgvend.sandbox.admin.AdminApi;
import dev.orgvend.sandbox.admin.Control;
import dev.orgvend.sandbox.auth.AccessKey;
import dev.orgvend.sandbox.auth.Principal;
import dev.orgvend.sandbox.front.RequestStats;
import dev.orgvend.sandbox.http.HttpFront;
import dev.orgvend.sandbox.http.RequestLog;
import dev.orgvend.sandbox.protocol.AwsException;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.sns.SnsService;
import dev.orgvend.sandbox.state.World;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.xnio.Options;

/**
 * A running sandbox: a local, wire-compatible endpoint for the AWS APIs orgvend uses. Start one
 * with {@link #builder()}; close it to stop the server and release its store.
 *
 * <p>This package is the sandbox's one public door: everything a caller (the CLI, benchmarks,
 * tests) may do is a method here, in terms of this package's types. The packages under it are the
 * sandbox's insides; a test ({@code SandboxArchitectureTest}) keeps callers out of them and keeps
 * them free of cycles.
 */
public final class Sandbox implements AutoCloseable {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private final Assembly parts;
  private final Undertow server;
  private final URI endpoint;

  private Sandbox(Builder b) {
    this.parts = new Assembly(b.settings, b.clock, b.seed, b.dataDir);
    parts.bootstrap(b.managementEmail, b.withOrganization, b.accessKeyId, b.secretAccessKey);
    AdminApi admin = new AdminApi(new AdminControl());
    registerSnsConfirm(admin, parts.sns, parts.world);
    HttpFront http = new HttpFront(parts.front, admin, parts.requestIds, parts.clock,
        b.maxBodyBytes, b.requestLog);
    this.server = Undertow.builder()
        .addHttpListener(b.port, b.host)
        .setIoThreads(2)
        .setWorkerThreads(b.workerThreads)
        .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, (int) b.readTimeout.toMillis())
        .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 120_000)
        .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 64 * 1024)
        .setSocketOption(Options.READ_TIMEOUT, (int) b.readTimeout.toMillis())
        .setHandler(http)
        .build();
    try {
      server.start();
    } catch (RuntimeException e) {
      parts.world.store().close();
      throw e;
    }
    InetSocketAddress bound = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
    String host = b.host.contains(":") ? "[" + b.host + "]" : b.host;
    this.endpoint = URI.create("http://" + host + ":" + bound.getPort());
  }

  /**
   * {@code POST /_sandbox/sns/confirm?subscriptionArn=…} (or {@code ?topicArn=…&endpoint=…})
   * confirms a pending e-mail or HTTP(S) subscription, standing in for the recipient's click.
   */
  private static void registerSnsConfirm(AdminApi admin, SnsService sns, World world) {
    admin.register("POST /_sandbox/sns/confirm", (q, b) -> {
      String arn = world.transact(() -> sns.confirmSubscription(
          q.get("subscriptionArn"), q.get("topicArn"), q.get("endpoint")));
      return Nodes.object().put("subscriptionArn", arn).put("confirmed", true);
    });
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Where AWS clients should send requests, e.g. {@code http://127.0.0.1:4566}. */
  public URI endpoint() {
    return endpoint;
  }

  /** The management account's long-term keys. */
  public SandboxCredentials managementCredentials() {
    return parts.management();
  }

  /**
   * Every access key this sandbox has issued and not yet pruned, secrets included: the
   * management keys and the temporary keys of AssumeRole sessions. The sandbox is the credential
   * authority here, as IAM and STS are in AWS; this is for tests that look for leaked secrets.
   */
  public List<IssuedKey> accessKeys() {
    return parts.credentials.all().stream().map(Sandbox::issued).toList();
  }

  private static IssuedKey issued(AccessKey key) {
    Principal p = key.principal();
    return new IssuedKey(key.accessKeyId(), key.secretAccessKey(), key.sessionToken(),
        key.expiration(), p.accountId(), p.arn());
  }

  public SandboxSettings settings() {
    return parts.settings();
  }

  /** Changes the realism knobs; requests that arrive afterwards see the new settings. */
  public void updateSettings(UnaryOperator<SandboxSettings> change) {
    parts.updateSettings(change);
  }

  /**
   * The AWS API requests received since the start or the last reset, by service and operation,
   * as reads, writes and unrecognised requests.
   */
  public RequestCounts stats() {
    RequestStats.Snapshot s = parts.front.stats().snapshot();
    return new RequestCounts(s.requests(), s.reads(), s.writes(), s.unrecognised(), s.errors(),
        s.operations());
  }

  /** Starts counting requests from zero. */
  public void resetStats() {
    parts.front.stats().reset();
  }

  /** Sandbox time: what resources, sessions and pending creations see. */
  public Instant now() {
    return parts.clock.now();
  }

  /**
   * Moves sandbox time forward, so a pending creation or closure finishes, or a session expires,
   * without waiting. Returns the new sandbox time.
   */
  public Instant advanceClock(Duration by) {
    parts.clock.advance(by);
    return parts.clock.now();
  }

  /** Marks addresses as used by AWS accounts outside the organization: CreateAccount fails. */
  public void seedTakenEmails(Collection<String> emails) {
    parts.world.transact(() -> parts.organizations.seedTakenEmails(emails));
  }

  /**
   * Builds part of the organization straight into the sandbox's state, in one transaction: OUs
   * and member accounts appear as the API would have made them, without a request for each (see
   * {@link OrganizationSeeder}). Returns what {@code build} returns.
   *
   * @throws SeedException with the AWS error code the API would have answered
   */
  public <T> T seed(Function<OrganizationSeeder, T> build) {
    try {
      return parts.world.transact(() -> parts.organizations.seed(parts.clock.now(),
          seeder -> build.apply(new OrganizationSeeder() {
            @Override
            public String rootId() {
              return seeder.rootId();
            }

            @Override
            public String organizationalUnit(String parentId, String name) {
              return seeder.organizationalUnit(parentId, name);
            }

            @Override
            public String account(String name, String email, String parentId,
                Map<String, String> tags) {
              return seeder.account(name, email, parentId, tags);
            }
          })));
    } catch (AwsException e) {
      throw new SeedException(e.code(), e.getMessage(), e);
    }
  }

  /**
   * All state as JSON (tables and ids sorted), secrets masked: what {@code GET /_sandbox/state}
   * shows, for tests that check a request changed nothing.
   */
  public String state() {
    try {
      return JSON.writeValueAsString(stateTree());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode stateTree() {
    return parts.world.transact(() -> JSON.valueToTree(parts.world.store().dump()));
  }

  /** Wipes all state and the request counts, and starts again with the same management keys. */
  public void reset() {
    parts.reset();
  }

  @Override
  public void close() {
    server.stop();
    parts.world.store().close();
  }

  /** The admin API's narrow view of this sandbox. */
  private final class AdminControl implements Control {
    @Override
    public Map<String, String> credentials() {
      SandboxCredentials c = managementCredentials();
      Map<String, String> out = new LinkedHashMap<>();
      out.put("accessKeyId", c.accessKeyId());
      out.put("secretAccessKey", c.secretAccessKey());
      out.put("accountId", c.accountId());
      out.put("endpoint", endpoint.toString());
      return out;
    }

    @Override
    public void reset() {
      Sandbox.this.reset();
    }

    @Override
    public Instant advanceClock(Duration by) {
      return Sandbox.this.advanceClock(by);
    }

    @Override
    public Duration clockOffset() {
      return parts.clock.offset();
    }

    @Override
    public void addTakenEmails(List<String> emails) {
      seedTakenEmails(emails);
    }

    @Override
    public JsonNode state() {
      return stateTree();
    }

    @Override
    public JsonNode stats() {
      return JSON.valueToTree(Sandbox.this.stats());
    }

    @Override
    public void resetStats() {
      Sandbox.this.resetStats();
    }

    @Override
    public JsonNode settings() {
      return SettingsJson.write(Sandbox.this.settings());
    }

    @Override
    public JsonNode updateSettings(JsonNode patch) {
      parts.updateSettings(current -> SettingsJson.merge(current, patch));
      return settings();
    }
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
    private RequestLog requestLog = RequestLog.OFF;

    private Builder() {}

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

    /**
     * What sandbox time runs on (default: the system clock). A fixed clock gives a sandbox whose
     * time moves only by {@link #advanceClock}, which tests use so nothing depends on how fast
     * they run. Signatures are always checked against the machine's real time.
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Makes ids, generated keys, request ids and the fault dice reproducible. */
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

    /**
     * Log one line per AWS API request (operation, account, status, milliseconds) at this level
     * and above to {@code sink}; off by default. Text a client sent is escaped.
     */
    public Builder requestLog(RequestLogLevel level, Consumer<String> sink) {
      this.requestLog = new RequestLog(
          RequestLog.Level.valueOf(level.name()), sink);
      return this;
    }

    public Sandbox start() {
      return new Sandbox(this);
    }
  }
}
