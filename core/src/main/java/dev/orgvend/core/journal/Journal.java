package dev.orgvend.core.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The durable record of every run and every action orgvend takes: an action's intent is written
 * (and committed) before its API call, and its outcome after. A CreateAccount request id is
 * written the moment AWS returns it. After a crash, the journal says what may be in flight.
 *
 * <p>One SQLite file; every write is its own committed transaction (WAL mode,
 * {@code synchronous=FULL}: the record must survive the machine, not just the process).
 */
public final class Journal implements JournalStore {
  private static final int SCHEMA_VERSION = 1;
  private final Connection db;
  private final Clock clock;
  private final Path file;
  /** The file's identity (device and inode) when it was opened; null where unknown. */
  private final Object identity;

  private Journal(Connection db, Clock clock, Path file, Object identity) {
    this.db = db;
    this.clock = clock;
    this.file = file;
    this.identity = identity;
  }

  /**
   * Opens the journal at {@code file}, creating it if there is none. A journal that is damaged
   * (truncated, overwritten, empty), was written by a newer orgvend, is not an orgvend journal
   * or is not a regular file is refused with a {@link JournalException} that says what to do;
   * nothing in it is changed.
   */
  public static Journal open(Path file, Clock clock) {
    String special = dev.orgvend.core.spec.InputFiles.notRegular(file);
    if (special != null) {
      throw new JournalException("the journal " + file + " " + special + "; name a journal file"
          + " with --state", null);
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (!Files.exists(file)) {
        create(file);
      } else if (Files.size(file) == 0 && !hasContent(wal(file))) {
        // A journal is never empty (it is created whole, see create): this one was truncated.
        throw damaged(file, "the file is empty", null);
      }
      Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
      try {
        try (Statement s = db.createStatement()) {
          s.execute("PRAGMA busy_timeout=10000");
        }
        checkReadable(db, file);
        try (Statement s = db.createStatement()) {
          s.execute("PRAGMA journal_mode=WAL");
          s.execute("PRAGMA synchronous=FULL");
          createTables(s);
        }
        return new Journal(db, clock, file, identity(file));
      } catch (SQLException | RuntimeException e) {
        db.close();
        throw e;
      }
    } catch (SQLException e) {
      throw failure("cannot open the journal " + file, file, e);
    } catch (java.io.IOException e) {
      throw new JournalException("cannot open the journal " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Creates a journal under a temporary name and renames it into place, so that {@code file}
   * never exists half made: an empty journal file can then only mean a damaged one.
   */
  private static void create(Path file) throws SQLException, java.io.IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".new-"
        + ProcessHandle.current().pid());
    try (Connection db = DriverManager.getConnection("jdbc:sqlite:"
        + temporary.toAbsolutePath()); Statement s = db.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute("PRAGMA synchronous=FULL");
      createTables(s);
    }
    try {
      // A hard link, unlike a rename, never replaces a journal another run created meanwhile.
      Files.createLink(file, temporary);
    } catch (java.nio.file.FileAlreadyExistsException raced) {
      // another run created it first; use theirs
    } catch (UnsupportedOperationException | java.io.IOException noLinks) {
      if (!Files.exists(file)) {
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      Files.deleteIfExists(temporary);
      Files.deleteIfExists(wal(temporary));
      Files.deleteIfExists(temporary.resolveSibling(temporary.getFileName() + "-shm"));
    }
  }

  private static void createTables(Statement s) throws SQLException {
    s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)");
    s.execute("CREATE TABLE IF NOT EXISTS run ("
        + " id INTEGER PRIMARY KEY AUTOINCREMENT, command TEXT NOT NULL, spec TEXT,"
        + " organization_id TEXT, started_at TEXT NOT NULL, finished_at TEXT,"
        + " status TEXT NOT NULL, summary TEXT)");
    s.execute("CREATE TABLE IF NOT EXISTS action ("
        + " id INTEGER PRIMARY KEY AUTOINCREMENT, run_id INTEGER NOT NULL REFERENCES run(id),"
        + " kind TEXT NOT NULL, target TEXT NOT NULL, email TEXT, detail TEXT,"
        + " state TEXT NOT NULL, request_id TEXT, account_id TEXT, error TEXT,"
        + " started_at TEXT NOT NULL, finished_at TEXT)");
    s.execute("CREATE INDEX IF NOT EXISTS action_email ON action(email)");
    // What each check sweep found, one row per account and component that is not
    // compliant; a sweep's run row carries the totals.
    s.execute("CREATE TABLE IF NOT EXISTS finding ("
        + " id INTEGER PRIMARY KEY AUTOINCREMENT, run_id INTEGER NOT NULL REFERENCES run(id),"
        + " account TEXT NOT NULL, account_id TEXT, component TEXT NOT NULL,"
        + " status TEXT NOT NULL, detail TEXT)");
    s.execute("CREATE INDEX IF NOT EXISTS finding_run ON finding(run_id)");
    s.execute("INSERT OR IGNORE INTO meta VALUES ('schema', '" + SCHEMA_VERSION + "')");
  }

  /**
   * Refuses, before anything is written, a file that is not an orgvend journal this orgvend can
   * use: damaged pages (SQLite's quick check reads every page), a newer schema, no schema at all.
   */
  private static void checkReadable(Connection db, Path file) throws SQLException {
    try (Statement s = db.createStatement()) {
      try (ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
        String verdict = rs.next() ? rs.getString(1) : "no answer";
        if (!"ok".equals(verdict)) {
          throw damaged(file, "SQLite's check found damage", null);
        }
      }
      boolean hasMeta;
      int tables;
      try (ResultSet rs = s.executeQuery("SELECT count(*), sum(name = 'meta') FROM sqlite_master"
          + " WHERE type = 'table'")) {
        rs.next();
        tables = rs.getInt(1);
        hasMeta = rs.getInt(2) > 0;
      }
      if (!hasMeta) {
        if (tables > 0) {
          throw new JournalException("the journal " + file + " is an SQLite database but not an"
              + " orgvend journal; name the journal with --state, or move the file aside", null);
        }
        return;
      }
      String schema;
      try (ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE key = 'schema'")) {
        schema = rs.next() ? rs.getString(1) : null;
      }
      int version;
      try {
        version = Integer.parseInt(schema == null ? "" : schema.trim());
      } catch (NumberFormatException e) {
        throw damaged(file, "its schema version is missing or unreadable", null);
      }
      if (version > SCHEMA_VERSION) {
        throw new JournalException("the journal " + file + " was written by a newer orgvend"
            + " (journal schema " + version + "; this orgvend reads schema " + SCHEMA_VERSION
            + "). Use that orgvend, or move the file aside and run again: the organization itself"
            + " is the source of truth, and a fresh journal rebuilds from it", null);
      }
      if (version < 1) {
        throw damaged(file, "its schema version " + version + " is not one orgvend wrote", null);
      }
    }
  }

  /** A journal orgvend cannot use: what is wrong, and what to do. */
  private static JournalException damaged(Path file, String what, Throwable cause) {
    return new JournalException("the journal " + file + " is damaged (" + what + "). Move it"
        + " aside, e.g. mv " + file + " " + file + ".damaged, and run again: the organization"
        + " itself is the source of truth, and a fresh journal rebuilds from it (the moved file"
        + " keeps the old history)", cause);
  }

  /** SQLite's result code for damage (CORRUPT, NOTADB) becomes advice; anything else a message. */
  private static JournalException failure(String doing, Path file, SQLException e) {
    int code = e.getErrorCode() & 0xff;
    if (code == 11 || code == 26) { // SQLITE_CORRUPT, SQLITE_NOTADB
      return damaged(file, code == 26 ? "it is not an SQLite database" : "its pages are malformed",
          e);
    }
    return new JournalException(doing + ": " + e.getMessage(), e);
  }

  private static Path wal(Path file) {
    return file.resolveSibling(file.getFileName() + "-wal");
  }

  private static boolean hasContent(Path file) throws java.io.IOException {
    return Files.exists(file) && Files.size(file) > 0;
  }

  private static Object identity(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /**
   * Stops a write to a journal that is no longer at its path: deleted, or replaced by another
   * file, while this run had it open. SQLite would go on writing to the open file nobody can
   * see, and the run's record would be lost; refusing the write stops the run before its next
   * AWS call (every change is journaled before it is made).
   */
  private void checkStillThere() {
    if (identity == null) {
      return;
    }
    Object now = identity(file);
    if (!identity.equals(now)) {
      throw new JournalException("the journal " + file + " was " + (now == null ? "deleted"
          : "replaced by another file") + " while orgvend was running; stopped before the next"
          + " change, so nothing is half done. Run again: the organization itself is the source"
          + " of truth, and the journal is rebuilt from it", null);
    }
  }

  /** Starts a run and returns its id. */
  public synchronized long startRun(String command, String spec, String organizationId) {
    return insert("INSERT INTO run (command, spec, organization_id, started_at, status)"
        + " VALUES (?, ?, ?, ?, 'RUNNING')", command, spec, organizationId, now());
  }

  public synchronized void finishRun(long runId, RunStatus status, String summary) {
    update("UPDATE run SET finished_at = ?, status = ?, summary = ? WHERE id = ?",
        now(), status.name(), summary, runId);
  }

  /** Records what is about to be done; call before the API call. Returns the action id. */
  public synchronized long intent(long runId, String kind, String target, String email,
      String detail) {
    long id = insert("INSERT INTO action (run_id, kind, target, email, detail, state, started_at)"
        + " VALUES (?, ?, ?, ?, ?, 'INTENT', ?)", runId, kind, target, email, detail, now());
    CrashPoints.reach("after-intent");
    return id;
  }

  /** Records the CreateAccount request id that AWS returned. */
  public synchronized void requested(long actionId, String requestId) {
    CrashPoints.reach("before-requested");
    update("UPDATE action SET state = 'REQUESTED', request_id = ? WHERE id = ?", requestId,
        actionId);
    CrashPoints.reach("after-requested");
  }

  public synchronized void done(long actionId, String accountId, String detail) {
    CrashPoints.reach("before-done");
    update("UPDATE action SET state = 'DONE', account_id = COALESCE(?, account_id),"
        + " detail = COALESCE(?, detail), finished_at = ? WHERE id = ?",
        accountId, detail, now(), actionId);
    CrashPoints.reach("after-done");
  }

  public synchronized void failed(long actionId, String error) {
    update("UPDATE action SET state = 'FAILED', error = ?, finished_at = ? WHERE id = ?", error,
        now(), actionId);
  }

  /**
   * Account creations (requested, or awaited after an earlier run requested them) that were
   * started in some run and never recorded as finished: the ones a crash may have left in
   * flight.
   */
  public synchronized List<Action> unfinishedCreations() {
    return actions("SELECT * FROM action WHERE kind IN ('CreateAccount', 'AwaitCreation')"
        + " AND state IN ('INTENT', 'REQUESTED') ORDER BY id");
  }

  /**
   * Runs of {@code command} still marked RUNNING. While the caller holds the {@link RunLock},
   * no apply is running, so every apply among them is one whose process stopped without
   * finishing (killed, crashed, or the machine went down).
   */
  public synchronized List<Run> unfinishedRuns(String command) {
    return queryRuns("SELECT * FROM run WHERE status = 'RUNNING' AND command = ? ORDER BY id",
        command);
  }

  /** Marks unfinished actions of earlier runs as resolved by a later one. */
  public synchronized void supersede(long actionId, String note) {
    update("UPDATE action SET state = 'SUPERSEDED', error = ?, finished_at = ? WHERE id = ?",
        note, now(), actionId);
  }

  /** Marks a run whose process stopped without recording its end as {@link RunStatus#CRASHED}. */
  public synchronized void finishCrashedRun(long runId, String summary) {
    update("UPDATE run SET status = ?, finished_at = ?, summary = ? WHERE id = ?"
        + " AND status = 'RUNNING'", RunStatus.CRASHED.name(), now(), summary, runId);
  }

  /**
   * Marks every action still open (an intent whose outcome was never written) as SUPERSEDED
   * with {@code note}, in one statement; returns how many. For use after
   * {@link #unfinishedCreations()} have been settled from AWS, while holding the
   * {@link RunLock}: the open actions left are moves, tags and baseline changes of runs that
   * died or were stopped, and a new plan has read AWS again to redo what they left undone.
   */
  public synchronized int supersedeOpenActions(String note) {
    checkStillThere();
    try (PreparedStatement p = db.prepareStatement("UPDATE action SET state = 'SUPERSEDED',"
        + " error = ?, finished_at = ? WHERE state IN ('INTENT', 'REQUESTED')")) {
      bind(p, note, now());
      return p.executeUpdate();
    } catch (SQLException e) {
      throw failure("cannot write the journal", file, e);
    }
  }

  /**
   * Records check results for account×components that are not compliant, all in one
   * transaction: a sweep that finds much drift should not pay a synced commit per row.
   */
  public synchronized void findings(List<FindingRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    checkStillThere();
    try {
      db.setAutoCommit(false);
      try (PreparedStatement p = db.prepareStatement("INSERT INTO finding (run_id, account,"
          + " account_id, component, status, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
        for (FindingRow r : rows) {
          bind(p, r.runId(), r.account(), r.accountId(), r.component(), r.status(), r.detail());
          p.addBatch();
        }
        p.executeBatch();
      }
      db.commit();
    } catch (SQLException e) {
      try {
        db.rollback();
      } catch (SQLException ignored) {
        // the failure below is what matters
      }
      throw failure("cannot write the journal", file, e);
    } finally {
      try {
        db.setAutoCommit(true);
      } catch (SQLException ignored) {
        // the next statement reports a broken connection
      }
    }
  }

  public synchronized List<FindingRow> findingsOf(long runId) {
    List<FindingRow> out = new ArrayList<>();
    try (PreparedStatement q = db.prepareStatement(
        "SELECT * FROM finding WHERE run_id = ? ORDER BY id")) {
      q.setLong(1, runId);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(new FindingRow(rs.getLong("run_id"), rs.getString("account"),
              rs.getString("account_id"), rs.getString("component"), rs.getString("status"),
              rs.getString("detail")));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("cannot read the journal", file, e);
    }
  }

  /** Runs newest first, at most {@code limit}. */
  public synchronized List<Run> runs(int limit) {
    return queryRuns("SELECT * FROM run ORDER BY id DESC LIMIT ?", limit);
  }

  private List<Run> queryRuns(String sql, Object parameter) {
    List<Run> out = new ArrayList<>();
    try (PreparedStatement q = db.prepareStatement(sql)) {
      q.setObject(1, parameter);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.add(run(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("cannot read the journal", file, e);
    }
  }

  private static Run run(ResultSet rs) throws SQLException {
    return new Run(rs.getLong("id"), rs.getString("command"), rs.getString("spec"),
        rs.getString("organization_id"), instant(rs.getString("started_at")),
        instant(rs.getString("finished_at")), rs.getString("status"), rs.getString("summary"));
  }

  public synchronized List<Action> actionsOf(long runId) {
    return actions("SELECT * FROM action WHERE run_id = " + runId + " ORDER BY id");
  }

  private List<Action> actions(String sql) {
    List<Action> out = new ArrayList<>();
    try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(new Action(rs.getLong("id"), rs.getLong("run_id"), rs.getString("kind"),
            rs.getString("target"), rs.getString("email"), rs.getString("detail"),
            rs.getString("state"), rs.getString("request_id"), rs.getString("account_id"),
            rs.getString("error"), instant(rs.getString("started_at")),
            instant(rs.getString("finished_at"))));
      }
      return out;
    } catch (SQLException e) {
      throw failure("cannot read the journal", file, e);
    }
  }

  private long insert(String sql, Object... args) {
    checkStillThere();
    try (PreparedStatement p = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      bind(p, args);
      p.executeUpdate();
      try (ResultSet keys = p.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw failure("cannot write the journal", file, e);
    }
  }

  private void update(String sql, Object... args) {
    checkStillThere();
    try (PreparedStatement p = db.prepareStatement(sql)) {
      bind(p, args);
      p.executeUpdate();
    } catch (SQLException e) {
      throw failure("cannot write the journal", file, e);
    }
  }

  private static void bind(PreparedStatement p, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      p.setObject(i + 1, args[i]);
    }
  }

  private String now() {
    return clock.instant().toString();
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }

  @Override
  public void close() {
    try {
      db.close();
    } catch (SQLException ignored) {
      // nothing left to save
    }
  }

  /**
   * DRIFTED: a check found accounts that differ from the spec. CRASHED: the process stopped
   * without recording an end (killed, crashed, power lost); a later apply settled its record.
   */
  public enum RunStatus { SUCCEEDED, FAILED, INTERRUPTED, DRIFTED, CRASHED }

  public record FindingRow(long runId, String account, String accountId, String component,
      String status, String detail) {}

  public record Run(long id, String command, String spec, String organizationId,
      Instant startedAt, Instant finishedAt, String status, String summary) {}

  public record Action(long id, long runId, String kind, String target, String email,
      String detail, String state, String requestId, String accountId, String error,
      Instant startedAt, Instant finishedAt) {}

  /** The journal could not be read or written; nothing can safely continue. */
  public static final class JournalException extends RuntimeException {
    public JournalException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
