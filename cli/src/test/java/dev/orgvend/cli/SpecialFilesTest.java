package dev.orgvend.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named pipe (or directory, or device) given as the spec, the saved plan or the journal is
 * refused with exit 3 (1 for the journal) and a message, before anything starts. The pipes are
 * real (mkfifo) and never written to: a command that opened one would never return, so the
 * preemptive limit is only there to turn such a regression into a failure.
 */
class SpecialFilesTest {
  private static final Duration HUNG = Duration.ofMinutes(2);
  private static final String SPEC = "version: 1\naccounts: [{name: a, email: a@example.com}]\n";

  @TempDir Path dir;

  private Path fifo(String name) throws Exception {
    Path fifo = dir.resolve(name);
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (java.io.IOException e) {
      assumeTrue(false, "mkfifo is not available here");
      return null;
    }
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed");
    return fifo;
  }

  private static CliRunner.Result run(String... args) {
    return assertTimeoutPreemptively(HUNG, () -> CliRunner.run(args));
  }

  @Test
  void validatePlanApply_whenTheSpecIsANamedPipe_refuseItWithExitThree() throws Exception {
    Path fifo = fifo("orgvend.yaml");

    CliRunner.Result validate = run("validate", "-f", fifo.toString());
    CliRunner.Result plan = run("plan", "-f", fifo.toString(), "--sandbox");
    CliRunner.Result apply = run("apply", "-f", fifo.toString(), "--sandbox", "--yes");

    for (CliRunner.Result r : new CliRunner.Result[] {validate, plan, apply}) {
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(r.err()).isEqualTo(fifo + ": is a named pipe (FIFO), not a regular file; a spec"
          + " must be a regular file\norgvend: 1 problem(s) in " + fifo + "; nothing was sent to"
          + " AWS\n");
    }
    assertThat(dir.resolve(".orgvend")).as("no sandbox was started").doesNotExist();
  }

  @Test
  void apply_whenTheSavedPlanIsANamedPipe_refusesItWithExitThree() throws Exception {
    Path spec = Files.writeString(dir.resolve("orgvend.yaml"), SPEC);
    Path fifo = fifo("plan.json");

    CliRunner.Result r = run("apply", "-f", spec.toString(), "--sandbox", "--yes",
        fifo.toString());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).isEqualTo("orgvend: " + fifo + ": is a named pipe (FIFO), not a regular"
        + " file; a saved plan must be a regular file\n");
    assertThat(dir.resolve(".orgvend")).as("no sandbox was started").doesNotExist();
  }

  @Test
  void apply_whenTheSavedPlanIsADirectory_refusesIt() throws Exception {
    Path spec = Files.writeString(dir.resolve("orgvend.yaml"), SPEC);
    Path plans = Files.createDirectory(dir.resolve("plans"));

    CliRunner.Result r = run("apply", "-f", spec.toString(), "--sandbox", "--yes",
        plans.toString());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).isEqualTo("orgvend: " + plans + ": is a directory, not a regular file;"
        + " a saved plan must be a regular file\n");
  }

  @Test
  void history_whenTheJournalIsANamedPipe_refusesItWithExitOne() throws Exception {
    Path fifo = fifo("journal.db");

    CliRunner.Result r = run("history", "--state", fifo.toString());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err()).isEqualTo("orgvend: the journal " + fifo + " is a named pipe (FIFO), not"
        + " a regular file; name a journal file with --state\n");
  }

  @Test
  void policyLint_whenThePolicyIsANamedPipe_refusesItUnopened() throws Exception {
    Path fifo = fifo("scp.json");

    CliRunner.Result r = run("policy", "lint", fifo.toString());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).startsWith(fifo + ": is a named pipe (FIFO), not a regular file; a policy"
        + " must be a regular file\n");
  }
}
