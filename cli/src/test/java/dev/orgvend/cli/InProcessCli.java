package dev.orgvend.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Runs orgvend commands in this JVM, capturing stdout, stderr and the exit code. */
final class InProcessCli {
  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private InProcessCli() {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Cli.create();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /** The per-operation call counts apply prints, e.g. {@code API calls: 4 {AssumeRole=1, …}}. */
  static Map<String, Long> operations(String out) {
    Matcher m = Pattern.compile("API calls: \\d+ \\{([^}]*)}").matcher(out);
    if (!m.find()) {
      throw new AssertionError("no API call counts in:\n" + out);
    }
    Map<String, Long> calls = new java.util.TreeMap<>();
    if (!m.group(1).isBlank()) {
      Arrays.stream(m.group(1).split(", ")).map(kv -> kv.split("="))
          .forEach(kv -> calls.put(kv[0], Long.parseLong(kv[1])));
    }
    return calls;
  }
}
