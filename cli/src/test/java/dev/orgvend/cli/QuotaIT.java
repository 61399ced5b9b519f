package dev.orgvend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan that would break the organization's quotas is refused before any write, against a
 * sandbox whose quotas are set low (accounts 4, management account included; 2 OUs). The control
 * case tells orgvend a quota higher than the sandbox's real one: apply then fails half-way at
 * the sandbox's own limit, which is what the check prevents.
 */
class QuotaIT {
  @TempDir Path dir;

  private static MemberSandbox sandbox() {
    return new MemberSandbox(SandboxSettings.defaults()
        .withCreateAccountDelay(Duration.ofMillis(200))
        .withQuotas(SandboxSettings.OverQuota.SYNC, 4, 5)
        .withOrgLimits(new SandboxSettings.OrgLimits(2, 10_000, 10_240, 10, 3, 250)));
  }

  private Path spec(int accounts, int ous) throws Exception {
    StringBuilder yaml = new StringBuilder("version: 1\n");
    if (ous > 0) {
      yaml.append("organization:\n  units:\n");
      for (int i = 0; i < ous; i++) {
        yaml.append("    - name: unit").append(i).append('\n');
      }
    }
    yaml.append("accounts:\n");
    for (int i = 0; i < accounts; i++) {
      yaml.append("  - {name: q").append(i).append(", email: q").append(i)
          .append("@example.com}\n");
    }
    return MemberSandbox.writeSpec(dir, yaml.toString());
  }

  @Test
  void planAndApply_whenAccountsWouldExceedTheQuota_refuseBeforeAnyWrite() throws Exception {
    try (MemberSandbox fx = sandbox()) {
      Path spec = spec(4, 0);
      long writes = fx.sandbox.stats().writes();

      CliRunner.Result plan = CliRunner.run(fx.args(spec, "plan", "--limit", "accounts=4"));
      CliRunner.Result apply = CliRunner.run(fx.args(spec, "apply", "--yes", "--limit",
          "accounts=4"));

      String breach = "quota accounts: the organization has 1 account(s) and the plan creates 4,"
          + " 5 in all, over the quota of 4 (as given with --limit accounts)";
      assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(ExitCodes.ERROR);
      assertThat(plan.out()).contains("  ! " + breach + "\n");
      assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(ExitCodes.ERROR);
      assertThat(apply.err()).isEqualTo("orgvend: refusing to apply: the plan does not fit the"
          + " organization's quotas, so it could not complete; nothing was changed. " + breach
          + "\n");
      assertThat(apply.out()).isEmpty();
      assertThat(fx.sandbox.stats().writes()).as("writes").isEqualTo(writes);
    }
  }

  @Test
  void apply_whenOusWouldExceedTheQuota_refusesBeforeAnyWrite() throws Exception {
    try (MemberSandbox fx = sandbox()) {
      Path spec = spec(1, 3);
      long writes = fx.sandbox.stats().writes();

      CliRunner.Result apply = CliRunner.run(fx.args(spec, "apply", "--yes", "--limit", "ous=2",
          "--limit", "accounts=4"));

      assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(ExitCodes.ERROR);
      assertThat(apply.err()).contains("quota ous: the organization has 0 OU(s) and the plan"
          + " creates 3, 3 in all, over the quota of 2 (as given with --limit ous)");
      assertThat(fx.sandbox.stats().writes()).as("writes").isEqualTo(writes);
    }
  }

  @Test
  void apply_whenNoQuotaIsGiven_checksAgainstAwsDefaultOfTenAccounts() throws Exception {
    try (MemberSandbox fx = new MemberSandbox()) {
      Path spec = spec(10, 0);
      long writes = fx.sandbox.stats().writes();

      CliRunner.Result apply = CliRunner.run(fx.args(spec, "apply", "--yes"));

      assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(ExitCodes.ERROR);
      assertThat(apply.err()).contains("over the quota of 10 (AWS's default; if your"
          + " organization's quota was raised, pass --limit accounts=N)");
      assertThat(fx.sandbox.stats().writes()).isEqualTo(writes);
    }
  }

  @Test
  void apply_whenThePlanFits_appliesIt() throws Exception {
    try (MemberSandbox fx = sandbox()) {
      Path spec = spec(3, 2);

      CliRunner.Result apply = CliRunner.run(fx.args(spec, "apply", "--yes", "--no-verify",
          "--limit", "accounts=4", "--limit", "ous=2"));

      assertThat(apply.exitCode()).as(apply.toString()).isZero();
      assertThat(apply.out()).contains("Apply finished: 5 change(s) done, 0 failed.");
    }
  }

  /** Control: told a quota the organization does not have, apply fills it and fails half-way. */
  @Test
  void apply_whenToldAQuotaHigherThanTheRealOne_failsHalfWayAtTheRealQuota() throws Exception {
    try (MemberSandbox fx = sandbox()) {
      Path spec = spec(4, 0);

      CliRunner.Result apply = CliRunner.run(fx.args(spec, "apply", "--yes", "--no-verify",
          "--limit", "accounts=100"));

      assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(ExitCodes.ERROR);
      assertThat(apply.out()).contains("ACCOUNT_NUMBER_LIMIT_EXCEEDED")
          .contains("Apply finished: 3 change(s) done, 1 failed.");
    }
  }

  @Test
  void plan_whenTheLimitFlagIsWrong_isBadInput() throws Exception {
    Path spec = spec(1, 0);

    CliRunner.Result r = CliRunner.run("plan", "-f", spec.toString(), "--sandbox", "--limit",
        "acounts=5");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).isEqualTo("orgvend: --limit: unknown quota acounts; orgvend knows"
        + " accounts, ous, ou-depth, tags-per-account\n");
  }
}
