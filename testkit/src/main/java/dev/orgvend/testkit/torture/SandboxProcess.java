package dev.orgvend.testkit.torture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code orgvend sandbox serve} from the packaged CLI as a separate process with its state in a
 * data directory, so it can be stopped for real — SIGKILL, or SIGTERM as Ctrl-C would — and
 * started again on the same port and state while an apply is talking to it. The keys come from
 * the admin API and stay in memory; the server's own output, which prints them, is discarded.
 */
public final class SandboxProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_LIMIT = Duration.ofSeconds(90);

  private final Path jar;
  private final Path dataDir;
  private final Path log;
  private final int port;
  private final List<String> flags;
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();
  private Process process;
  private SandboxAccess access;
  private int starts;

  private SandboxProcess(Path jar, Path dataDir, int port, List<String> flags) {
    this.jar = jar.toAbsolutePath();
    this.dataDir = dataDir.toAbsolutePath();
    this.log = this.dataDir.resolveSibling(this.dataDir.getFileName() + ".log");
    this.port = port;
    this.flags = List.copyOf(flags);
  }

  /**
   * Starts {@code orgvend sandbox serve --data-dir dataDir --port <free> flags…} and waits until
   * it answers.
   */
  public static SandboxProcess start(Path jar, Path dataDir, List<String> flags) {
    SandboxProcess sandbox = new SandboxProcess(jar, dataDir, freePort(), flags);
    sandbox.launch();
    return sandbox;
  }

  public SandboxAccess access() {
    return access;
  }

  /** How many times the server has been started, the first included. */
  public int starts() {
    return starts;
  }

  /**
   * Stops the server: SIGKILL ({@code hard}), so nothing in it gets to finish, or SIGTERM, so
   * its shutdown hook closes the server and the store.
   */
  public void stop(boolean hard) throws InterruptedException {
    if (hard) {
      process.destroyForcibly();
    } else {
      process.destroy();
    }
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  /** Starts the server again on the same port and data directory. */
  public void restart() {
    launch();
  }

  /** Changes the realism knobs at run time ({@code POST /_sandbox/settings}). */
  public void settings(String json) {
    admin("POST", "/_sandbox/settings", json);
  }

  private void launch() {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"), "-XX:+UseSerialGC",
        "-jar", jar.toString(), "sandbox", "serve", "--port", String.valueOf(port),
        "--data-dir", dataDir.toString()));
    command.addAll(flags);
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    try {
      Files.createDirectories(dataDir);
      while (true) {
        ProcessBuilder pb = new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = pb.start();
        if (awaitHealthy(deadline)) {
          break;
        }
        // The port or the store may still be held a moment after a kill: try again.
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the sandbox did not start within " + START_LIMIT
              + "; see " + log);
        }
        Thread.sleep(250);
      }
      JsonNode c = JSON.readTree(admin("GET", "/_sandbox/credentials", null));
      access = new SandboxAccess(URI.create("http://127.0.0.1:" + port),
          c.path("accessKeyId").asText(), c.path("secretAccessKey").asText());
      starts++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the sandbox", e);
    }
  }

  /** True once the server answers; false if the process died first. */
  private boolean awaitHealthy(long deadline) throws InterruptedException {
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        return false;
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/_sandbox/health"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return true;
        }
      } catch (ConnectException e) {
        // not listening yet
      } catch (IOException e) {
        // starting up
      }
      Thread.sleep(100);
    }
    return false;
  }

  private String admin(String method, String path, String body) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
      request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
          : request.method(method, HttpRequest.BodyPublishers.ofString(body));
      HttpResponse<String> response = http.send(request.build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("sandbox admin " + method + " " + path + " answered "
            + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
