package dev.orgvend.core.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** The journal in one SQLite file, with {@link RunLock} beside it. */
record SqliteJournalSource(Path file) implements JournalSource {
  @Override
  public JournalStore open(Clock clock) {
    return Journal.open(file, clock);
  }

  @Override
  public Lock lock(String holder) {
    return RunLock.acquire(file, holder)::close;
  }

  @Override
  public boolean exists() {
    return Files.exists(file);
  }

  @Override
  public String toString() {
    return file.toString();
  }
}
