package dev.orgvend.cli;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Entry point of the {@code orgvend} launcher. */
public final class Main {
  /** Held so the JUL configuration below is not garbage-collected. */
  private static final Logger[] QUIET = {Logger.getLogger("io.undertow"), Logger.getLogger("org.xnio")};

  private Main() {}

  public static void main(String[] args) {
    for (Logger logger : QUIET) {
      logger.setLevel(Level.WARNING);
    }
    System.exit(Cli.create().execute(args));
  }
}
