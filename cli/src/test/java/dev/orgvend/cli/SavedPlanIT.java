package dev.orgvend.cli;

import static dev.orgvend.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan --out} then {@code apply FILE}, and a saved plan the organization outran. */
class SavedPlanIT {
  @TempDir Path dir;

  private Path spec(String text) throws IOException {
    return Files.writeString(dir.resolve("orgvend.yaml"), text);
  }

  private static String withTag(String value) {
    return ApplyFlowIT.TWO_ACCOUNTS.replace("\"1000\"", "\"" + value + "\"");
  }

  @Test
  void savedPlan_isAppliedAsSaved() throws IOException {
    Path spec = spec(ApplyFlowIT.TWO_ACCOUNTS);
    Path saved = dir.resolve("plan.json");

    CliRunner.Result plan = run("plan", spec, "--sandbox", "--out", saved.toString());

    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(ExitCodes.CHANGES);
    assertThat(plan.out()).endsWith("Saved to " + saved + "; apply it with: orgvend apply "
        + saved + "\n");
    assertThat(saved).exists();

    CliRunner.Result applied = run("apply", spec, "--sandbox", "--yes", saved.toString());

    assertThat(applied.exitCode()).as(applied.toString()).isZero();
    assertThat(applied.out()).contains("Apply finished: 5 change(s) done, 0 failed.");
    assertThat(run("plan", spec, "--sandbox").out()).contains("No changes.");
  }

  @Test
  void savedPlan_afterTheOrganizationChanged_isRefused() throws IOException {
    Path spec = spec(ApplyFlowIT.TWO_ACCOUNTS);
    assertThat(run("apply", spec, "--sandbox", "--yes").exitCode()).isZero();
    spec(withTag("2000"));
    Path saved = dir.resolve("stale.json");
    assertThat(run("plan", spec, "--sandbox", "--out", saved.toString()).exitCode())
        .isEqualTo(ExitCodes.CHANGES);
    // Someone else applies another change first.
    spec(withTag("3000"));
    assertThat(run("apply", spec, "--sandbox", "--yes").exitCode()).isZero();
    spec(withTag("2000"));

    CliRunner.Result r = run("apply", spec, "--sandbox", "--yes", saved.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err()).isEqualTo("orgvend: the organization changed since " + saved
        + " was made; run 'orgvend plan --out " + saved + "' again\n");
    spec(withTag("3000"));
    assertThat(run("plan", spec, "--sandbox").exitCode()).as("nothing applied").isZero();
  }

  @Test
  void savedPlan_thatIsNotAPlan_isBadInput() throws IOException {
    Path spec = spec(ApplyFlowIT.TWO_ACCOUNTS);
    Path saved = Files.writeString(dir.resolve("plan.json"), "{\"format\": 1}");

    CliRunner.Result r = run("apply", spec, "--sandbox", "--yes", saved.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).startsWith("orgvend: " + saved + ": ");
  }
}
