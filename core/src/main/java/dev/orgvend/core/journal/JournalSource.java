package dev.orgvend.core.journal;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Where an engine keeps its journal: how to open it, and how to keep two applies on it apart.
 * Today that is a SQLite file with an OS file lock beside it ({@link #sqlite}); the engine never
 * names the file, so a store shared by many runs can be added here.
 */
public interface JournalSource {
  /** Opens the journal, creating it if needed; {@code clock} stamps what it records. */
  JournalStore open(Clock clock);

  /**
   * Takes the lock that keeps a second apply away from this journal until {@link Lock#close()}.
   *
   * @param holder who takes it, for the message another run gets
   * @throws RunLock.Held if another run holds it
   */
  Lock lock(String holder);

  /** Whether anything was ever recorded here. */
  boolean exists();

  /** Where it is, for messages (the file's path). */
  @Override
  String toString();

  /** A held run lock. */
  interface Lock extends AutoCloseable {
    @Override
    void close();
  }

  /** The SQLite journal in {@code file}, locked through {@code <file>.lock}. */
  static JournalSource sqlite(Path file) {
    return new SqliteJournalSource(file);
  }
}
