package dev.orgvend.cli;

import dev.orgvend.sandbox.RequestLogLevel;
import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxCredentials;
import dev.orgvend.sandbox.SandboxSettings;
import dev.orgvend.sandbox.SandboxSettings.Knob;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    modelTransformer = SandboxServeCommand.KnobOptions.class,
    description = {
      "Start the sandbox and serve until interrupted (Ctrl-C).",
      "Prints the management account's keys as environment variables to paste into a shell.",
      "  orgvend sandbox serve [--port 4566] [--in-memory] [--create-delay 2s]"
    })
final class SandboxServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only). Any"
          + " other address, e.g. 0.0.0.0, lets other machines reach the AWS API and prints a"
          + " warning; the admin API stays loopback-only.")
  String host;

  @Option(names = "--port", defaultValue = "4566", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--data-dir", defaultValue = ".orgvend/sandbox",
      description = "Where state is kept between restarts (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--in-memory", description = "Keep no state on disk.")
  boolean inMemory;

  @Option(names = "--taken-emails", paramLabel = "FILE",
      description = "File of e-mail addresses (one a line) that belong to accounts outside the organization.")
  Path takenEmails;

  @Option(names = "--no-organization", description = "Start with no organization (to try CreateOrganization).")
  boolean noOrganization;

  @Option(names = "--seed", description = "Seed for ids, keys, request ids and the fault dice, so"
      + " a run with faults replays.")
  Long seed;

  @Option(names = "--log-level", defaultValue = "error", paramLabel = "LEVEL",
      description = "Log AWS API requests to stderr, one line each (operation, account, status,"
          + " milliseconds): off; error for server errors and dropped connections; warn adds"
          + " client errors; info every request; debug adds region, request id and error message"
          + " (default: ${DEFAULT-VALUE}).")
  RequestLogLevel logLevel;

  /** The realism knobs, one flag per row of {@link SandboxSettings}' table. */
  static final class KnobOptions implements IModelTransformer {
    static final String HEADING = "Realism knobs (change them while running with POST"
        + " /_sandbox/settings):%n";

    @Override
    public CommandSpec transform(CommandSpec command) {
      ArgGroupSpec.Builder group = ArgGroupSpec.builder().heading(HEADING).exclusive(false)
          .validate(false).multiplicity("0..1");
      for (Knob<?> knob : SandboxSettings.knobs()) {
        knob.option().ifPresent(name -> {
          String defaultText = knob.defaultText();
          OptionSpec.Builder option = OptionSpec.builder(name).paramLabel(knob.paramLabel())
              .description(knob.help()
                  + (defaultText.isEmpty() ? "" : " Default: " + defaultText + "."));
          if (knob.repeatable()) {
            option.type(List.class).auxiliaryTypes(String.class);
          } else {
            option.type(String.class);
          }
          group.addArg(option.build());
        });
      }
      command.addArgGroup(group.build());
      return command;
    }
  }

  @Override
  public Integer call() throws Exception {
    SandboxSettings settings = knobs();
    List<String> taken = new ArrayList<>();
    if (takenEmails != null) {
      try {
        taken.addAll(Files.readAllLines(takenEmails));
      } catch (IOException e) {
        throw new UserError("cannot read --taken-emails file " + takenEmails + ": " + e.getMessage());
      }
    }

    PrintWriter err = spec.commandLine().getErr();
    Sandbox.Builder builder = Sandbox.builder().host(host).port(port).settings(settings)
        .withOrganization(!noOrganization)
        .requestLog(logLevel, line -> {
          synchronized (err) {
            err.println(line);
            err.flush();
          }
        });
    if (!inMemory) {
      builder.dataDir(dataDir);
    }
    if (seed != null) {
      builder.seed(seed);
    }
    Sandbox sandbox;
    try {
      sandbox = builder.start();
    } catch (RuntimeException e) {
      throw new UserError("cannot start the sandbox on " + host + ":" + port + ": " + rootMessage(e),
          ExitCodes.ERROR);
    }
    if (!taken.isEmpty()) {
      sandbox.seedTakenEmails(taken);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sandbox.close();
      stopped.countDown();
    }, "sandbox-shutdown"));

    if (!loopback(host)) {
      err.println("orgvend: warning: --host " + host + " is not a loopback address: other"
          + " machines that can reach port " + sandbox.endpoint().getPort() + " can call this"
          + " sandbox's AWS API, signed with its keys. The admin API under /_sandbox/ still"
          + " answers this machine only. Leave --host out to listen on 127.0.0.1 only.");
      err.flush();
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(banner(sandbox.endpoint().toString(), sandbox.managementCredentials(),
        inMemory ? null : dataDir.resolve("sandbox.db"), ProcessHandle.current().pid()));
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }

  /**
   * What serve prints once it listens, short enough to read when it was started in the
   * background with {@code &}: where it listens, the keys as {@code export} lines, and how to stop
   * it, the background case included.
   */
  static String banner(String endpoint, SandboxCredentials keys, Path db, long pid) {
    return "orgvend sandbox listening on " + endpoint
        + (db == null ? " (state in memory)" : " (state in " + db + ")") + "\n"
        + CredentialFormats.env(keys, endpoint)
        + "Ready: management account " + keys.accountId() + ", keys good for this sandbox only."
        + " Stop with Ctrl-C, or kill " + pid + " if it runs in the background.\n";
  }

  /** The knobs as the flags set them; a flag left out keeps the table's default. */
  private SandboxSettings knobs() {
    SandboxSettings settings = SandboxSettings.defaults();
    for (Knob<?> knob : SandboxSettings.knobs()) {
      if (knob.option().isPresent()) {
        Object value = spec.findOption(knob.option().get()).getValue();
        List<String> texts = new ArrayList<>();
        if (value instanceof List<?> list) {
          list.forEach(v -> texts.add(String.valueOf(v)));
        } else if (value != null) {
          texts.add(value.toString());
        }
        if (!texts.isEmpty()) {
          settings = set(settings, knob, texts);
        }
      }
    }
    return settings;
  }

  private static <T> SandboxSettings set(SandboxSettings settings, Knob<T> knob,
      List<String> texts) {
    try {
      return settings.with(knob, knob.parse(texts));
    } catch (IllegalArgumentException e) {
      throw new UserError(knob.option().orElseThrow() + " " + e.getMessage());
    }
  }

  /** Whether {@code host} names only this machine; a name that does not resolve counts as not. */
  static boolean loopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
