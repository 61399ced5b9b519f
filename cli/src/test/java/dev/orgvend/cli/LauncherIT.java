package dev.orgvend.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher ({@code ./orgvend} at the repository root, running {@code
 * cli/target/orgvend.jar}) as a subprocess: plan, apply, then apply again finds nothing to do.
 * Runs only when {@code verify} has packaged the jar and the launcher would not rebuild it, so
 * a test never starts a Maven build inside a Maven build.
 */
class LauncherIT {
  private static Path root;

  @TempDir Path dir;

  @BeforeAll
  static void findLauncher() throws IOException {
    Path at = Path.of("").toAbsolutePath();
    while (at != null && !(Files.isRegularFile(at.resolve("orgvend"))
        && Files.isRegularFile(at.resolve("mvnw")))) {
      at = at.getParent();
    }
    assumeTrue(at != null, "no ./orgvend launcher above " + Path.of("").toAbsolutePath());
    root = at;
    Path jar = root.resolve("cli/target/orgvend.jar");
    assumeTrue(Files.isRegularFile(jar), "no " + jar + "; run ./mvnw verify");
    assumeTrue(!newerThan(jar), "sources changed after " + jar + " was built; the launcher"
        + " would rebuild it");
  }

  /** The launcher's own rebuild rule: a pom or main source newer than the jar. */
  private static boolean newerThan(Path jar) throws IOException {
    FileTime built = Files.getLastModifiedTime(jar);
    List<Path> watched = new ArrayList<>(List.of(root.resolve("pom.xml")));
    try (Stream<Path> modules = Files.list(root)) {
      modules.filter(Files::isDirectory).forEach(m -> {
        watched.add(m.resolve("pom.xml"));
        watched.add(m.resolve("src/main"));
      });
    }
    for (Path p : watched) {
      if (!Files.exists(p)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(p)) {
        if (files.filter(Files::isRegularFile).anyMatch(f -> modified(f).compareTo(built) > 0)) {
          return true;
        }
      }
    }
    return false;
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private record Run(int exitCode, String output) {}

  private Run orgvend(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(root.resolve("orgvend").toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(
            Path.of("/dev/null").toFile())).start();
    // Read before waiting, so a chatty process cannot fill the pipe and stall.
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("orgvend " + String.join(" ", args) + " did not finish:\n"
          + output);
    }
    return new Run(process.exitValue(), output);
  }

  @Test
  void launcher_plansAppliesAndThenFindsNothingToDo() throws Exception {
    Files.writeString(dir.resolve("orgvend.yaml"), """
        version: 1
        organization:
          units:
            - name: Workloads
        accounts:
          - name: launcher-web
            email: launcher-web@example.com
            ou: Workloads
          - name: launcher-db
            email: launcher-db@example.com
        """);

    Run plan = orgvend("plan", "--sandbox");
    assertThat(plan.exitCode()).as(plan.output()).isEqualTo(ExitCodes.CHANGES);
    assertThat(plan.output()).contains("+ create account launcher-web");

    Run apply = orgvend("apply", "--sandbox", "--yes");
    assertThat(apply.exitCode()).as(apply.output()).isZero();
    assertThat(apply.output()).contains("Apply finished: 3 change(s) done, 0 failed.");

    Run again = orgvend("apply", "--sandbox");
    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(again.output()).contains("No changes. The organization matches the spec.");
    assertThat(dir.resolve(".orgvend/sandbox/journal.db")).exists();
  }
}
