package dev.orgvend.cli;

import dev.orgvend.core.aws.Rate;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by every command that talks to an organization, as AWS tools spell them. */
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

  Map<String, Rate> rateOverrides() {
    Map<String, Rate> out = new LinkedHashMap<>();
    for (String r : rates) {
      int eq = r.indexOf('=');
      if (eq <= 0) {
        throw new UserError("--rate takes OPERATION=RATE[:BURST], e.g. CreateAccount=1:3; got '"
            + r + "'");
      }
      try {
        out.put(r.substring(0, eq), Rate.parse(r.substring(eq + 1)));
      } catch (IllegalArgumentException e) {
        throw new UserError("--rate " + r + ": " + e.getMessage());
      }
    }
    return out;
  }

  int parallel() {
    if (parallel == null) {
      return 16;
    }
    if (parallel < 1 || parallel > 256) {
      throw new UserError("--parallel takes 1 to 256; got " + parallel);
    }
    return parallel;
  }

  Path specDir() {
    Path parent = spec.toAbsolutePath().getParent();
    return parent == null ? Path.of(".").toAbsolutePath() : parent;
  }

  void check() {
    if (sandbox && endpointUrl != null) {
      throw new UserError("--sandbox and --endpoint-url exclude each other");
    }
  }
}
