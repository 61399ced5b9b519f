package dev.orgvend.sandbox.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A store in one SQLite file. SQLite was chosen over a hand-written append-only log because its
 * transactions already give what the sandbox needs: a request's changes land together or not at
 * all, a killed process never leaves a half-written record, and the file can be inspected with
 * any SQLite tool. WAL mode with {@code synchronous=NORMAL} survives a process crash; it may lose
 * the last commits on a power cut, which is acceptable for a sandbox.
 */
public final class SqliteStore extends Store {
  private final Connection db;
  private final java.nio.channels.FileChannel lockChannel;

  private SqliteStore(Connection db, java.nio.channels.FileChannel lockChannel) {
    this.db = db;
    this.lockChannel = lockChannel;
  }

  /**
   * One process at a time: the state is loaded into memory, so a second process working on the
   * same file would diverge from the first. The OS drops the lock when the holder dies.
   */
  private static java.nio.channels.FileChannel lock(Path file) throws java.io.IOException {
    Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
    java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lockFile,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
    java.nio.channels.FileLock held;
    try {
      held = channel.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      held = null;
    }
    if (held == null) {
      channel.close();
      throw new IllegalStateException("the sandbox state in " + file.getParent()
          + " is in use by another process; stop it, or share one sandbox through"
          + " 'orgvend sandbox serve' and --endpoint-url");
    }
    return channel;
  }

  public static SqliteStore open(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      java.nio.channels.FileChannel lockChannel = lock(file.toAbsolutePath());
      Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try (Statement s = db.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=NORMAL");
        s.execute("PRAGMA busy_timeout=5000");
        s.execute(
            "CREATE TABLE IF NOT EXISTS record ("
                + " kind TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL,"
                + " PRIMARY KEY (kind, id))");
      }
      db.setAutoCommit(false);
      db.commit();
      return new SqliteStore(db, lockChannel);
    } catch (IllegalStateException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("cannot open sandbox state " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  protected Map<String, String> load(String kind) {
    Map<String, String> rows = new LinkedHashMap<>();
    try (PreparedStatement q =
        db.prepareStatement("SELECT id, body FROM record WHERE kind = ? ORDER BY rowid")) {
      q.setString(1, kind);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          rows.put(rs.getString(1), rs.getString(2));
        }
      }
      db.commit();
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read sandbox state: " + e.getMessage(), e);
    }
  }

  @Override
  protected void write(List<Change> batch) {
    try (PreparedStatement upsert =
            db.prepareStatement(
                "INSERT INTO record (kind, id, body) VALUES (?, ?, ?)"
                    + " ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body");
        PreparedStatement delete = db.prepareStatement("DELETE FROM record WHERE kind = ? AND id = ?")) {
      for (Change change : batch) {
        if (change.json() == null) {
          delete.setString(1, change.kind());
          delete.setString(2, change.id());
          delete.executeUpdate();
        } else {
          upsert.setString(1, change.kind());
          upsert.setString(2, change.id());
          upsert.setString(3, change.json());
          upsert.executeUpdate();
        }
      }
      db.commit();
    } catch (SQLException e) {
      try {
        db.rollback();
      } catch (SQLException ignored) {
        // the original failure is the one to report
      }
      throw new IllegalStateException("cannot write sandbox state: " + e.getMessage(), e);
    }
  }

  @Override
  protected void wipe() {
    try (Statement s = db.createStatement()) {
      s.execute("DELETE FROM record");
      db.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot reset sandbox state: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      db.close();
    } catch (SQLException ignored) {
      // closing at shutdown; nothing left to protect
    }
    try {
      lockChannel.close();
    } catch (java.io.IOException ignored) {
      // the OS releases the lock with the process anyway
    }
  }
}
