package dev.orgvend.testkit.torture;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the packaged orgvend ({@code cli/target/orgvend.jar}) as a separate process against a
 * sandbox, one spec and one journal, the way a user would: management keys in the environment,
 * {@code --endpoint-url}, no pacing. Each run's output goes to its own log file in the work
 * directory. A started run can be watched for its progress events and killed with SIGKILL.
 */
public final class PackagedCli {
  /** How long a single run may take before the harness gives up on it, unless told otherwise. */
  static final Duration RUN_LIMIT = Duration.ofMinutes(5);
  private static final Pattern EVENT = Pattern.compile("\"event\":\"([a-z-]+)\"");

  private final Path jar;
  private final Path dir;
  private final Path spec;
  private final Path journal;
  private volatile SandboxAccess sandbox;
  private final AtomicInteger runs = new AtomicInteger();
  private volatile Duration runLimit = RUN_LIMIT;

  /**
   * @param jar the packaged CLI
   * @param dir where the spec already is ({@code orgvend.yaml}) and where the journal and logs go
   */
  public PackagedCli(Path jar, Path dir, SandboxAccess sandbox) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("no packaged CLI at " + jar
          + "; build it with ./mvnw -q -B -DskipTests package -pl sandbox,core,cli");
    }
    this.jar = jar.toAbsolutePath();
    this.dir = dir.toAbsolutePath();
    this.spec = this.dir.resolve("orgvend.yaml");
    this.journal = this.dir.resolve("journal.db");
    this.sandbox = sandbox;
  }

  /** The packaged CLI of this checkout, found from the module or the repository root. */
  public static Path defaultJar() {
    for (Path candidate : List.of(Path.of("target", "orgvend.jar"),
        Path.of("cli", "target", "orgvend.jar"), Path.of("..", "cli", "target", "orgvend.jar"))) {
      if (Files.isRegularFile(candidate)) {
        return candidate.toAbsolutePath().normalize();
      }
    }
    return Path.of("cli", "target", "orgvend.jar").toAbsolutePath();
  }

  public Path journal() {
    return journal;
  }

  public Path dir() {
    return dir;
  }

  /**
   * Lets each later run take up to {@code limit} (an apply against a sandbox that fails a third
   * of its calls and answers slowly can need many minutes).
   */
  public PackagedCli runLimit(Duration limit) {
    this.runLimit = limit;
    return this;
  }

  /** Points later runs at another sandbox (a restarted one may have a new address). */
  public void retarget(SandboxAccess sandbox) {
    this.sandbox = sandbox;
  }

  /** What one run printed and how it ended. */
  public record Result(int exit, String output, Path log) {
    /** 128 + SIGKILL: the process was killed before it could finish. */
    public boolean killed() {
      return exit == 137;
    }
  }

  /** Runs {@code orgvend <args>} to the end. */
  public Result run(String... args) {
    return start(args).awaitExit();
  }

  /** Starts {@code orgvend <args>} and returns at once. */
  public Running start(String... args) {
    return start(List.of(), args);
  }

  /**
   * Starts {@code java <jvmOptions> -jar orgvend.jar <args>}, e.g. with
   * {@code -Dorgvend.crash=before-requested:2} to halt at a journal write.
   */
  public Running start(List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>(List.of(javaBinary(),
        // Short-lived runs: the quick compiler only, so a busy machine starts them sooner.
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("-f", spec.toString(), "--state", journal.toString()));
    if (!args[0].equals("history")) {
      command.addAll(List.of("--endpoint-url", sandbox.endpoint().toString(), "--pace", "none"));
    }
    if (args[0].equals("apply") || args[0].equals("plan")) {
      // The sandbox's account quota (10,000 unless set lower), which no AWS API reports: without
      // it orgvend would hold plans to AWS's default of 10 accounts.
      command.addAll(List.of("--limit", "accounts=10000"));
    }
    Path log = dir.resolve("logs").resolve(String.format("%04d-%s.log", runs.incrementAndGet(),
        args[0]));
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile());
      Map<String, String> env = pb.environment();
      env.keySet().removeIf(k -> k.startsWith("AWS_"));
      env.put("AWS_ACCESS_KEY_ID", sandbox.accessKeyId());
      env.put("AWS_SECRET_ACCESS_KEY", sandbox.secretAccessKey());
      env.put("AWS_REGION", "us-east-1");
      return new Running(pb.start(), log, runLimit);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command.get(0), e);
    }
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** A run in progress. */
  public static final class Running {
    private final Process process;
    private final Path log;
    private final Duration limit;
    private long readUpTo;
    private final StringBuilder partial = new StringBuilder();
    private final List<String> events = new ArrayList<>();

    Running(Process process, Path log, Duration limit) {
      this.process = process;
      this.log = log;
      this.limit = limit;
    }

    public boolean alive() {
      return process.isAlive();
    }

    /** The progress events printed so far ({@code -o json} lines), in order. */
    public synchronized List<String> events() {
      poll();
      return List.copyOf(events);
    }

    /** The type of the newest progress event so far, or null before the first. */
    public synchronized String lastEvent() {
      poll();
      return events.isEmpty() ? null : events.get(events.size() - 1);
    }

    /**
     * Waits until the {@code occurrence}-th event of {@code type} has been printed. False if the
     * run ended first.
     */
    public boolean awaitEvent(String type, int occurrence) throws InterruptedException {
      long deadline = System.nanoTime() + limit.toNanos();
      while (System.nanoTime() < deadline) {
        synchronized (this) {
          poll();
          if (events.stream().filter(type::equals).count() >= occurrence) {
            return true;
          }
        }
        if (!process.isAlive()) {
          synchronized (this) {
            poll();
            return events.stream().filter(type::equals).count() >= occurrence;
          }
        }
        Thread.sleep(10);
      }
      return false;
    }

    /**
     * SIGKILL now. True if the process was still running when the signal went out and died of
     * it; false if it had already finished on its own.
     */
    public boolean kill() throws InterruptedException {
      if (!process.isAlive()) {
        return false;
      }
      process.destroyForcibly();
      process.waitFor();
      return process.exitValue() == 137;
    }

    /** SIGTERM, as Ctrl-C would stop it: shutdown hooks run. */
    public void stop() {
      process.destroy();
    }

    public Result awaitExit() {
      try {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly().waitFor();
          throw new IllegalStateException("orgvend did not finish within " + limit
              + "; see " + log);
        }
        return new Result(process.exitValue(), Files.readString(log), log);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for orgvend", e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void poll() {
      try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
        long length = file.length();
        if (length <= readUpTo) {
          return;
        }
        byte[] bytes = new byte[(int) (length - readUpTo)];
        file.seek(readUpTo);
        file.readFully(bytes);
        readUpTo = length;
        partial.append(new String(bytes, StandardCharsets.UTF_8));
        int newline;
        while ((newline = partial.indexOf("\n")) >= 0) {
          Matcher m = EVENT.matcher(partial.substring(0, newline));
          if (m.find()) {
            events.add(m.group(1));
          }
          partial.delete(0, newline + 1);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
