package dev.orgvend.core.apply;

import dev.orgvend.core.journal.Journal;
import dev.orgvend.core.journal.JournalStore;
import dev.orgvend.core.live.LiveOrganization;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Settles what an interrupted run left in the journal, using what AWS reports. A CreateAccount
 * whose intent was journaled may or may not have reached AWS:
 *
 * <ul>
 *   <li>the address now belongs to an account in the organization: it did, and succeeded;
 *   <li>a request for the same account name is in flight: it did; the plan awaits that request;
 *   <li>neither: it never arrived, or it failed; the plan may safely create the account.
 * </ul>
 *
 * Either way no second request is sent while the first can still succeed, and AWS itself refuses
 * a second account with the same address, so a crash can never produce a duplicate.
 *
 * <p>Then every apply run still marked RUNNING is closed as CRASHED, and the other actions left
 * open (a move, a tag, a baseline change whose outcome was never written, by a run that died or
 * was stopped) become SUPERSEDED: the plan this run makes has already read AWS again and redoes
 * whatever they left undone. The caller must hold the
 * {@link dev.orgvend.core.journal.RunLock}, so no apply still running is touched.
 */
public final class Recovery {
  private Recovery() {}

  /** What recovery found, for the run's output. */
  public record Finding(String account, String email, String resolution) {}

  public static List<Finding> reconcile(JournalStore journal, LiveOrganization live) {
    List<Finding> findings = new ArrayList<>();
    for (Journal.Action action : journal.unfinishedCreations()) {
      String email = action.email() == null ? "" : action.email();
      Optional<LiveOrganization.Account> account = live.accountByEmail(email);
      if (account.isPresent()) {
        journal.done(action.id(), account.get().id(), "confirmed by a later run");
        findings.add(new Finding(action.target(), email, "created as " + account.get().id()
            + " (confirmed from AWS)"));
        continue;
      }
      Optional<LiveOrganization.Creation> inFlight = live.inFlight().stream()
          .filter(c -> (action.requestId() != null && c.requestId().equals(action.requestId()))
              || c.accountName().equals(action.target()))
          .findFirst();
      if (inFlight.isPresent()) {
        journal.supersede(action.id(), "still in flight as " + inFlight.get().requestId()
            + "; awaited by a later run");
        findings.add(new Finding(action.target(), email, "still being created ("
            + inFlight.get().requestId() + "); waiting for it"));
        continue;
      }
      journal.supersede(action.id(), "no account and no request in flight; planned again");
      findings.add(new Finding(action.target(), email,
          "an interrupted request left no account; it will be planned again"));
    }
    for (Journal.Run run : journal.unfinishedRuns("apply")) {
      journal.finishCrashedRun(run.id(), "stopped without finishing (killed or crashed);"
          + " settled by a later apply");
      findings.add(new Finding("run " + run.id(), "", "stopped without finishing (killed or"
          + " crashed); marked CRASHED"));
    }
    int settled = journal.supersedeOpenActions("left open by a run that stopped; a later apply"
        + " read AWS again and planned what was left");
    if (settled > 0) {
      findings.add(new Finding("journal", "", settled + " action(s) left open by stopped runs"
          + " (moves, tags, baseline changes); this plan redoes what they did not finish"));
    }
    return findings;
  }
}
