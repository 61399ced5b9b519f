package dev.orgvend.core.engine;

import dev.orgvend.core.aws.AwsTarget;
import dev.orgvend.core.aws.Rate;
import dev.orgvend.core.aws.RateTable;
import dev.orgvend.core.journal.JournalSource;
import dev.orgvend.core.plan.OrganizationLimits;
import dev.orgvend.core.spec.Settings;
import dev.orgvend.core.time.Ticker;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Everything an {@link Engine} is built from, resolved once by its caller (flags, environment,
 * the spec's settings) and never changed after.
 *
 * @param target where AWS calls go and as whom
 * @param rates the client-side pacing per operation
 * @param parallel member accounts worked on at once by baseline reads, repairs and checks
 * @param sessionName the RoleSessionName put on member-account sessions (the spec's
 *     {@code settings.roleSessionName})
 * @param journal where runs are recorded
 * @param limits the organization's quotas a plan must fit (AWS's documented values unless the
 *     organization's differ)
 * @param ticker the time every wait, poll and deadline follows
 * @param seed the seed of every random choice the engine makes (retry jitter), so that a run
 *     can be replayed
 */
public record EngineConfig(AwsTarget target, RateTable rates, int parallel, String sessionName,
    JournalSource journal, OrganizationLimits limits, Ticker ticker, long seed) {
  /** The most member accounts an engine works on at once. */
  public static final int MAX_PARALLEL = 256;
  public static final int DEFAULT_PARALLEL = 16;

  public EngineConfig {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(rates, "rates");
    Objects.requireNonNull(sessionName, "sessionName");
    Objects.requireNonNull(journal, "journal");
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(ticker, "ticker");
    if (parallel < 1 || parallel > MAX_PARALLEL) {
      throw new IllegalArgumentException("parallel must be 1.." + MAX_PARALLEL + "; got "
          + parallel);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds a configuration from the pieces a command line has. Defaults: region us-east-1, the
   * AWS default credential chain, AWS's published rates, {@value #DEFAULT_PARALLEL} accounts at
   * once, session name {@code orgvend}, AWS's documented quotas, the system ticker and a fresh
   * seed; the journal has no default.
   */
  public static final class Builder {
    private String region = Settings.DEFAULT_REGION;
    private URI endpoint;
    private String profile;
    private AwsCredentialsProvider credentials;
    private RateTable rates = RateTable.awsPublished();
    private final Map<String, Rate> rateOverrides = new LinkedHashMap<>();
    private int parallel = DEFAULT_PARALLEL;
    private String sessionName = Settings.DEFAULT_ROLE_SESSION_NAME;
    private JournalSource journal;
    private OrganizationLimits limits = OrganizationLimits.awsDefaults();
    private Ticker ticker = Ticker.system();
    private Long seed;

    private Builder() {}

    /** The region for regional calls (STS and member-account services); Organizations is global. */
    public Builder region(String region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /** An AWS-compatible endpoint for every service instead of AWS's own. */
    public Builder endpoint(URI endpoint) {
      this.endpoint = endpoint;
      return this;
    }

    /** A named profile for the default credential chain. */
    public Builder profile(String profile) {
      this.profile = profile;
      return this;
    }

    /** Explicit credentials (an embedded sandbox's keys) instead of the default chain. */
    public Builder credentials(AwsCredentialsProvider credentials) {
      this.credentials = credentials;
      return this;
    }

    /** AWS's published rates ({@code true}) or no pacing until throttled ({@code false}). */
    public Builder pacedAtAwsRates(boolean paced) {
      this.rates = paced ? RateTable.awsPublished() : RateTable.unlimited();
      return this;
    }

    public Builder rates(RateTable rates) {
      this.rates = Objects.requireNonNull(rates, "rates");
      return this;
    }

    /**
     * Paces one operation at {@code rate} ({@code RATE} or {@code RATE:BURST}, e.g. {@code 1:3}).
     *
     * @throws IllegalArgumentException if {@code rate} is not a rate
     */
    public Builder rate(String operation, String rate) {
      rateOverrides.put(operation, Rate.parse(rate));
      return this;
    }

    public Builder parallel(int parallel) {
      this.parallel = parallel;
      return this;
    }

    public Builder sessionName(String sessionName) {
      this.sessionName = sessionName;
      return this;
    }

    /** The SQLite journal in {@code file}. */
    public Builder journal(Path file) {
      return journal(JournalSource.sqlite(file));
    }

    public Builder journal(JournalSource journal) {
      this.journal = journal;
      return this;
    }

    /** The organization's quotas, where they differ from AWS's documented values. */
    public Builder limits(OrganizationLimits limits) {
      this.limits = limits;
      return this;
    }

    public Builder ticker(Ticker ticker) {
      this.ticker = ticker;
      return this;
    }

    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    public EngineConfig build() {
      return new EngineConfig(new AwsTarget(region, endpoint, profile, credentials),
          rates.with(rateOverrides), parallel, sessionName, journal, limits, ticker,
          seed != null ? seed : new Random().nextLong());
    }
  }
}
