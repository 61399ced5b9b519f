package dev.orgvend.core.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orgvend.core.plan.PlanJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specs and saved plans are read only from regular files. A named pipe given as either used to
 * block orgvend forever; now it is refused before it is opened. The pipes here are real ones
 * (mkfifo) that nobody ever writes to, so reading one would never return: each refusal is the
 * answer coming back, and the preemptive limit only turns a regression into a failure instead of a
 * hung build.
 */
class InputFilesTest {
  private static final Duration HUNG = Duration.ofMinutes(2);

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

  @Test
  void specLoad_whenTheSpecIsANamedPipe_refusesItWithoutOpeningIt() throws Exception {
    Path fifo = fifo("orgvend.yaml");

    SpecResult result = assertTimeoutPreemptively(HUNG, () -> SpecLoader.create().load(fifo));

    assertThat(((SpecResult.Invalid) result).problems()).extracting(Problem::toString)
        .containsExactly(fifo + ": is a named pipe (FIFO), not a regular file; a spec must be a"
            + " regular file");
  }

  @Test
  void specLoad_whenALinkLeadsToANamedPipe_refusesIt() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), fifo("target.fifo"));

    SpecResult result = assertTimeoutPreemptively(HUNG, () -> SpecLoader.create().load(link));

    assertThat(((SpecResult.Invalid) result).problems()).extracting(Problem::message)
        .containsExactly("is a named pipe (FIFO), not a regular file; a spec must be a regular"
            + " file");
  }

  @Test
  void planRead_whenThePlanIsANamedPipe_refusesItWithoutOpeningIt() throws Exception {
    Path fifo = fifo("plan.json");

    assertThatThrownBy(() -> assertTimeoutPreemptively(HUNG, () -> PlanJson.read(fifo)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("is a named pipe (FIFO), not a regular file; a saved plan must be a regular"
            + " file");
  }

  @Test
  void read_whenThePathIsADirectoryOrADevice_refusesIt() throws Exception {
    Path devNull = Path.of("/dev/null");
    assumeTrue(Files.exists(devNull));

    assertThat(InputFiles.notRegular(dir)).isEqualTo("is a directory, not a regular file");
    assertThat(InputFiles.notRegular(devNull))
        .isEqualTo("is a character device, not a regular file");
    assertThatThrownBy(() -> PlanJson.read(devNull)).hasMessageStartingWith(
        "is a character device, not a regular file");
    assertThat(((SpecResult.Invalid) SpecLoader.create().load(dir)).problems())
        .extracting(Problem::message)
        .containsExactly("is a directory, not a regular file; a spec must be a regular file");
  }

  @Test
  void notRegular_whenTheFileIsRegularOrMissing_saysNothing() throws Exception {
    Path file = Files.writeString(dir.resolve("orgvend.yaml"), "version: 1\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), file);

    assertThat(InputFiles.notRegular(file)).isNull();
    assertThat(InputFiles.notRegular(link)).isNull();
    assertThat(InputFiles.notRegular(dir.resolve("missing.yaml"))).isNull();
  }
}
