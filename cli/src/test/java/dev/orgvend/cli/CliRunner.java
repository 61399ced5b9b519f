package dev.orgvend.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Runs orgvend in this JVM as the launcher would, with stdout and stderr captured: the same
 * command tree, converters and exit-code mapping ({@link Cli#create()}), no {@code System.exit}.
 * Tests name files with {@code -f} instead of changing the working directory.
 */
final class CliRunner {
  /** What one run printed and how it ended. */
  record Result(int exitCode, String out, String err) {
    /** Both streams, for assertion messages. */
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private CliRunner() {}

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = Cli.create();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /** Runs a command against the spec at {@code spec}: {@code orgvend <command> -f spec args…}. */
  static Result run(String command, Path spec, String... args) {
    List<String> all = new ArrayList<>(List.of(command, "-f", spec.toString()));
    all.addAll(List.of(args));
    return run(all.toArray(String[]::new));
  }

  private static final Pattern ACCOUNT_ID = Pattern.compile("\\b\\d{12}\\b");
  private static final Pattern ORGANIZATION_ID = Pattern.compile("\\bo-[a-z0-9]{10,32}\\b");
  private static final Pattern OU_ID = Pattern.compile("\\bou-[a-z0-9]{4,32}-[a-z0-9]{8,32}\\b");
  private static final Pattern REQUEST_ID = Pattern.compile("\\bcar-[a-z0-9]{8,32}\\b");

  /** The text with the ids AWS hands out replaced by placeholders, to compare whole outputs. */
  static String withoutIds(String text) {
    String t = ORGANIZATION_ID.matcher(text).replaceAll("o-ID");
    t = OU_ID.matcher(t).replaceAll("ou-ID");
    t = REQUEST_ID.matcher(t).replaceAll("car-ID");
    return ACCOUNT_ID.matcher(t).replaceAll("ACCOUNT");
  }
}
