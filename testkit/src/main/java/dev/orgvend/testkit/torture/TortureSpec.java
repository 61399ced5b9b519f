package dev.orgvend.testkit.torture;

import dev.orgvend.core.baseline.ComponentRegistry;
import dev.orgvend.core.spec.Spec;
import dev.orgvend.core.spec.SpecLoader;
import dev.orgvend.core.spec.SpecResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The organization the crash and fault runs vend: accounts spread over the root and nested OUs
 * (three levels deep), each with its own tags next to the default one, and every account with
 * the seed article's billing alarm as its baseline. The same text is written for the packaged
 * CLI and parsed here, so the invariants compare AWS with exactly what orgvend was given.
 */
public final class TortureSpec {
  /** Where the alarm's notifications go. */
  public static final String ALARM_EMAIL = "finance@example.com";
  /** The seed article's threshold, in USD. */
  public static final double ALARM_THRESHOLD = 100;
  public static final String TOPIC_NAME = "DefaultBillingAlertTopic";
  public static final String ALARM_NAME = "DefaultBillingAlarm";
  public static final String ROLE_NAME = "OrganizationAccountAccessRole";

  /** OU paths accounts are dealt to in turn; "Root" is the root itself. */
  static final List<String> PLACES = List.of("Workloads/Prod/Payments", "Workloads/Prod",
      "Workloads/Dev", "Security", "Root", "Workloads/Prod/Data", "Sandbox", "Workloads");

  private final String prefix;
  private final String yaml;
  private final Spec spec;

  private TortureSpec(String prefix, String yaml, Spec spec) {
    this.prefix = prefix;
    this.yaml = yaml;
    this.spec = spec;
  }

  /**
   * A spec with {@code accounts} accounts named {@code <prefix>-<i>} at
   * {@code <prefix>-<i>@example.com}.
   */
  public static TortureSpec of(String prefix, int accounts) {
    if (accounts < 1 || accounts > 999) {
      throw new IllegalArgumentException("accounts must be 1..999, got " + accounts);
    }
    StringBuilder y = new StringBuilder("""
        version: 1
        settings: {region: us-east-1, roleSessionName: torture, concurrency: 5}
        defaults:
          baseline: seed
          tags: {managed-by: orgvend}
        organization:
          units:
            - name: Workloads
              units:
                - name: Prod
                  units: [{name: Payments}, {name: Data}]
                - name: Dev
            - name: Security
            - name: Sandbox
        baselines:
          seed:
            billingAlarm: {email: %s, threshold: %s}
        accounts:
        """.formatted(ALARM_EMAIL, (long) ALARM_THRESHOLD));
    for (int i = 0; i < accounts; i++) {
      y.append("  - name: ").append(prefix).append('-').append(i).append('\n')
          .append("    email: ").append(prefix).append('-').append(i).append("@example.com\n")
          .append("    ou: ").append(PLACES.get(i % PLACES.size())).append('\n')
          .append("    tags: {team: t").append(i % 4).append(", index: \"").append(i)
          .append("\"}\n");
    }
    SpecResult parsed = SpecLoader.create(ComponentRegistry.standard())
        .parse("torture.yaml", y.toString());
    if (!(parsed instanceof SpecResult.Valid valid)) {
      throw new IllegalStateException("the torture spec does not validate: " + parsed);
    }
    return new TortureSpec(prefix, y.toString(), valid.spec());
  }

  /** The checked spec, as orgvend reads the text. */
  public Spec spec() {
    return spec;
  }

  public String prefix() {
    return prefix;
  }

  public int accounts() {
    return spec.accounts().size();
  }

  public String yaml() {
    return yaml;
  }

  /** Writes the spec as {@code orgvend.yaml} in {@code dir} and returns its path. */
  public Path writeTo(Path dir) {
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve("orgvend.yaml"), yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
