package dev.orgvend.cli;

import dev.orgvend.core.engine.Engine;
import dev.orgvend.core.engine.EngineConfig;
import dev.orgvend.core.plan.OrganizationLimits;
import dev.orgvend.core.spec.Spec;
import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Options shared by every command that talks to an organization, as AWS tools spell them. They
 * end here: {@link #open} checks them all, resolves them with the spec's settings into one
 * {@link EngineConfig} and starts the engine (and, for {@code --sandbox}, the embedded sandbox
 * it talks to).
 */
final class EngineOptions {
  enum Output { text, json }

  enum Pacing { aws, none }

  @Option(names = {"-f", "--spec"}, defaultValue = "orgvend.yaml",
      description = "The spec file (default: ${DEFAULT-VALUE}).")
  Path spec;

  @Option(names = "--state", description = "The journal file (default: .orgvend/journal.db next"
      + " to the spec; .orgvend/sandbox/journal.db with --sandbox).")
  Path state;

  @Option(names = "--profile", description = "AWS profile for credentials (default: the AWS"
      + " default credential chain).")
  String profile;

  @Option(names = "--region", description = "Region for regional calls (default: the spec's"
      + " settings.region).")
  String region;

  @Option(names = "--endpoint-url", description = "Send every AWS call to this AWS-compatible"
      + " endpoint, e.g. http://127.0.0.1:4566 for 'orgvend sandbox serve'.")
  URI endpointUrl;

  @Option(names = "--sandbox", description = "Run against the embedded sandbox, its state kept in"
      + " .orgvend/sandbox next to the spec. Nothing reaches AWS.")
  boolean sandbox;

  @Option(names = "--pace", description = "Client-side pacing: aws (Organizations' published"
      + " rates; default) or none (default with --sandbox).")
  Pacing pace;

  @Option(names = "--rate", paramLabel = "OPERATION=RATE[:BURST]", description = "Pace one"
      + " operation at this rate, e.g. CreateAccount=1:3, for organizations with raised limits.")
  List<String> rates = new ArrayList<>();

  @Option(names = "--parallel", paramLabel = "N", description = "Member accounts worked on at"
      + " once when reading, repairing or checking baselines (default: 16).")
  Integer parallel;

  @Option(names = {"-o", "--output"}, defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  Output output;

  /** An engine for a command that has a spec: its region and session name unless flags say. */
  OpenEngine open(Spec spec) {
    return open(spec, OrganizationLimits.awsDefaults());
  }

  /** The same, planning against the organization's quotas {@code limits} ({@code --limit}). */
  OpenEngine open(Spec spec, OrganizationLimits limits) {
    return open(spec.settings().region(), spec.settings().roleSessionName(), limits);
  }

  /** An engine for a command without a spec to read (import): the defaults unless flags say. */
  OpenEngine openWithoutSpec() {
    return open(null, null, OrganizationLimits.awsDefaults());
  }

  private OpenEngine open(String specRegion, String sessionName, OrganizationLimits limits) {
    check();
    // Every flag is checked before anything starts, so a typo leaves no sandbox running.
    EngineConfig.Builder config = EngineConfig.builder();
    for (String r : rates) {
      int eq = r.indexOf('=');
      if (eq <= 0) {
        throw new UserError("--rate takes OPERATION=RATE[:BURST], e.g. CreateAccount=1:3; got '"
            + r + "'");
      }
      try {
        config.rate(r.substring(0, eq), r.substring(eq + 1));
      } catch (IllegalArgumentException e) {
        throw new UserError("--rate " + r + ": " + e.getMessage());
      }
    }
    config.parallel(parallel()).limits(limits);
    String chosenRegion = region != null ? region : specRegion;
    if (chosenRegion != null) {
      config.region(chosenRegion);
    }
    if (sessionName != null) {
      config.sessionName(sessionName);
    }
    Path stateDir = specDir().resolve(".orgvend");
    config.journal(state != null ? state
        : sandbox ? stateDir.resolve("sandbox").resolve("journal.db")
        : stateDir.resolve("journal.db"));
    if (!sandbox) {
      config.pacedAtAwsRates(pace != Pacing.none).endpoint(endpointUrl).profile(profile);
      return new OpenEngine(Engine.start(config.build()), null);
    }
    config.pacedAtAwsRates(pace == Pacing.aws);
    Sandbox embedded;
    try {
      embedded = Sandbox.builder().port(0).dataDir(stateDir.resolve("sandbox"))
          .settings(SandboxSettings.defaults()).start();
    } catch (RuntimeException e) {
      throw new UserError("cannot start the embedded sandbox in " + stateDir.resolve("sandbox")
          + ": " + e.getMessage(), ExitCodes.ERROR);
    }
    try {
      var keys = embedded.managementCredentials();
      config.endpoint(embedded.endpoint()).credentials(StaticCredentialsProvider.create(
          AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())));
      return new OpenEngine(Engine.start(config.build()), embedded);
    } catch (RuntimeException e) {
      embedded.close();
      throw e;
    }
  }

  /** The engine of one command, and the embedded sandbox it talks to with --sandbox. */
  record OpenEngine(Engine engine, Sandbox sandbox) implements AutoCloseable {
    @Override
    public void close() {
      try {
        engine.close();
      } finally {
        if (sandbox != null) {
          sandbox.close();
        }
      }
    }
  }

  private int parallel() {
    if (parallel == null) {
      return EngineConfig.DEFAULT_PARALLEL;
    }
    if (parallel < 1 || parallel > EngineConfig.MAX_PARALLEL) {
      throw new UserError("--parallel takes 1 to " + EngineConfig.MAX_PARALLEL + "; got "
          + parallel);
    }
    return parallel;
  }

  private Path specDir() {
    Path parent = spec.toAbsolutePath().getParent();
    return parent == null ? Path.of(".").toAbsolutePath() : parent;
  }

  private void check() {
    if (sandbox && endpointUrl != null) {
      throw new UserError("--sandbox and --endpoint-url exclude each other");
    }
  }
}
