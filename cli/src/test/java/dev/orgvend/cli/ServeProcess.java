package dev.orgvend.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code orgvend sandbox serve} from the packaged jar, as a subprocess whose stdout and stderr go
 * to files: everything the server process ever prints is kept. Closing stops it the way Ctrl-C
 * does (SIGTERM; the shutdown hook closes the sandbox and its store).
 */
final class ServeProcess implements AutoCloseable {
  static final Path JAR = Path.of("target", "orgvend.jar").toAbsolutePath();
  private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

  private final Process process;
  private final Path out;
  private final Path err;
  private final URI endpoint;

  private ServeProcess(Process process, Path out, Path err, URI endpoint) {
    this.process = process;
    this.out = out;
    this.err = err;
    this.endpoint = endpoint;
  }

  /** Starts {@code orgvend sandbox serve args…} and waits until it says it is listening. */
  static ServeProcess start(Path out, Path err, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString(), "sandbox",
        "serve"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
            Path.of("/dev/null").toFile())).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && process.isAlive()
        && !Files.readString(out).contains("\nReady: ")) {
      Thread.sleep(50);
    }
    Matcher m = LISTENING.matcher(Files.readString(out));
    if (!process.isAlive() || !Files.readString(out).contains("\nReady: ") || !m.find()) {
      process.destroyForcibly();
      throw new AssertionError("sandbox serve did not start:\n" + Files.readString(out)
          + Files.readString(err));
    }
    return new ServeProcess(process, out, err, URI.create(m.group(1)));
  }

  URI endpoint() {
    return endpoint;
  }

  String out() throws IOException {
    return Files.readString(out);
  }

  String err() throws IOException {
    return Files.readString(err);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
