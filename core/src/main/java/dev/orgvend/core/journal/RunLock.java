package dev.orgvend.core.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Keeps two applies from running against the same journal at once: an OS file lock on
 * {@code <journal>.lock}, which the OS releases when the holder dies (even by kill -9), so a
 * crashed run never leaves a stale lock behind. The file names the holder for the error message.
 */
public final class RunLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock or throws {@link Held} naming who holds it. */
  public static RunLock acquire(Path journal, String what) {
    Path file = journal.resolveSibling(journal.getFileName() + ".lock");
    try {
      // The first run in a directory takes the lock before the journal (and its directory)
      // exists.
      Path dir = file.toAbsolutePath().getParent();
      if (dir != null) {
        Files.createDirectories(dir);
      }
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (java.nio.channels.OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
        channel.close();
        throw new Held("another orgvend run holds " + file
            + (holder.isEmpty() ? "" : " (" + holder + ")")
            + "; wait for it to finish, or stop it");
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + ", " + what
          + ", since " + Instant.now()).getBytes(StandardCharsets.UTF_8)), 0);
      channel.force(true);
      return new RunLock(channel, lock);
    } catch (IOException e) {
      throw new Held("cannot lock " + file + ": " + e.getMessage());
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // the OS drops the lock with the channel anyway
    }
  }

  /** The journal is locked by another run. */
  public static final class Held extends RuntimeException {
    public Held(String message) {
      super(message);
    }
  }
}
