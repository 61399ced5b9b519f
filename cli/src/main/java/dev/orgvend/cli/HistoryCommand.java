package dev.orgvend.cli;

import dev.orgvend.core.output.Printable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.orgvend.core.journal.Journal;
import dev.orgvend.core.journal.JournalSource;
import dev.orgvend.core.journal.JournalStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

@Command(name = "history", mixinStandardHelpOptions = true,
    description = {"Show past runs from the journal, or the actions of one run.",
        "  orgvend history [--sandbox] [--run N]"})
final class HistoryCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec CommandSpec cmd;

  @Option(names = {"-f", "--spec"}, defaultValue = "orgvend.yaml",
      description = "The spec whose journal to read (default: ${DEFAULT-VALUE}).")
  Path spec;

  @Option(names = "--state", description = "The journal file (overrides --spec and --sandbox).")
  Path state;

  @Option(names = "--sandbox", description = "Read the embedded sandbox's journal.")
  boolean sandbox;

  @Option(names = "--run", description = "Show the actions of this run.")
  Long run;

  @Option(names = "--findings", description = "With --run, show what that check sweep found"
      + " instead of the run's actions.")
  boolean findings;

  @Option(names = "--limit", defaultValue = "20", description = "Runs to show (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json.")
  EngineOptions.Output output;

  private static String seconds(java.time.Instant at) {
    return at == null ? "" : at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  @Override
  public Integer call() throws Exception {
    Path dir = spec.toAbsolutePath().getParent().resolve(".orgvend");
    JournalSource source = JournalSource.sqlite(state != null ? state
        : sandbox ? dir.resolve("sandbox").resolve("journal.db") : dir.resolve("journal.db"));
    if (!source.exists()) {
      throw new UserError("no journal at " + source + " yet; it is written by 'orgvend apply'"
          + " and 'orgvend check'");
    }
    if (findings && run == null) {
      throw new UserError("--findings needs --run N (a check sweep's run number)");
    }
    PrintWriter out = cmd.commandLine().getOut();
    try (JournalStore journal = source.open(Clock.systemUTC())) {
      List<?> rows = run == null ? journal.runs(limit)
          : findings ? journal.findingsOf(run) : journal.actionsOf(run);
      if (output == EngineOptions.Output.json) {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        json.getFactory().setCharacterEscapes(Printable.jsonEscapes());
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
      } else if (run == null) {
        out.printf("%5s  %-24s  %-8s  %-11s  %s%n", "RUN", "STARTED", "COMMAND", "STATUS",
            "SUMMARY");
        for (Journal.Run r : journal.runs(limit)) {
          // The journal holds what AWS and the spec said (names, errors): shown escaped.
          out.printf("%5d  %-24s  %-8s  %-11s  %s%n", r.id(), seconds(r.startedAt()),
              Printable.of(r.command()), Printable.of(r.status()),
              r.summary() == null ? "" : Printable.of(r.summary()));
        }
      } else if (findings) {
        for (Journal.FindingRow f : journal.findingsOf(run)) {
          out.printf("%-24s  %-14s  %-18s  %-11s  %s%n", Printable.of(f.account()),
              f.accountId() == null ? "-" : Printable.of(f.accountId()),
              Printable.of(f.component()), Printable.of(f.status()), Printable.of(f.detail()));
        }
      } else {
        for (Journal.Action a : journal.actionsOf(run)) {
          out.printf("%-24s  %-25s  %-24s  %-10s  %s%n", seconds(a.startedAt()),
              Printable.of(a.kind()), Printable.of(a.target()), Printable.of(a.state()),
              Printable.of(a.accountId() != null ? a.accountId()
                  : a.error() != null ? a.error() : a.requestId() != null ? a.requestId() : ""));
        }
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
