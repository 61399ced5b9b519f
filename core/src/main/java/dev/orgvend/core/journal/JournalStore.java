package dev.orgvend.core.journal;

import java.util.List;

/**
 * The journal as the engine uses it: runs, and the actions of each run recorded before their
 * AWS call (intent) and after it (outcome), and the findings of check sweeps. The engine and
 * its steps see only this, so another store (a database shared by a service's runs, say) can
 * take the place of the SQLite file ({@link Journal}) without touching them.
 *
 * <p>Every write is durable when the method returns: an intent must survive a crash of the
 * process and of the machine.
 */
public interface JournalStore extends AutoCloseable {
  /** Starts a run and returns its id. */
  long startRun(String command, String spec, String organizationId);

  void finishRun(long runId, Journal.RunStatus status, String summary);

  /** Records what is about to be done; call before the API call. Returns the action id. */
  long intent(long runId, String kind, String target, String email, String detail);

  /** Records the CreateAccount request id that AWS returned. */
  void requested(long actionId, String requestId);

  void done(long actionId, String accountId, String detail);

  void failed(long actionId, String error);

  /** Account creations started in some run and never recorded as finished. */
  List<Journal.Action> unfinishedCreations();

  /** Runs of {@code command} still marked RUNNING. */
  List<Journal.Run> unfinishedRuns(String command);

  /** Marks an unfinished action of an earlier run as resolved by a later one. */
  void supersede(long actionId, String note);

  /** Marks a run whose process stopped without recording its end as CRASHED. */
  void finishCrashedRun(long runId, String summary);

  /** Marks every action still open as SUPERSEDED with {@code note}; returns how many. */
  int supersedeOpenActions(String note);

  /** Records check results that are not compliant, in one transaction. */
  void findings(List<Journal.FindingRow> rows);

  List<Journal.FindingRow> findingsOf(long runId);

  /** Runs newest first, at most {@code limit}. */
  List<Journal.Run> runs(int limit);

  List<Journal.Action> actionsOf(long runId);

  @Override
  void close();
}
