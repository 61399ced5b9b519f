package dev.orgvend.testkit.torture;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@link FleetInvariants} found, as figures and as one line per broken rule.
 *
 * @param specAccounts accounts in the spec
 * @param found spec accounts that exist exactly once
 * @param duplicates spec addresses held by more than one account
 * @param lost spec addresses held by no account
 * @param unexpected accounts in the organization that are neither in the spec nor the management
 *     account
 * @param misplaced accounts in the wrong OU
 * @param mistagged accounts whose tags are not exactly the spec's
 * @param baseline accounts whose billing alarm baseline is missing or differs
 * @param creationRequests every CreateAccount request the organization has seen
 * @param extraRequests CreateAccount requests beyond one successful request per spec account, by
 *     how they ended (e.g. {@code FAILED:EMAIL_ALREADY_EXISTS})
 * @param inFlight CreateAccount requests still IN_PROGRESS
 * @param journal journal records that disagree with AWS or were never settled
 */
public record InvariantReport(
    int specAccounts,
    int found,
    List<String> duplicates,
    List<String> lost,
    List<String> unexpected,
    List<String> misplaced,
    List<String> mistagged,
    List<String> baseline,
    int creationRequests,
    Map<String, Integer> extraRequests,
    int inFlight,
    List<String> journal) {

  public InvariantReport {
    duplicates = List.copyOf(duplicates);
    lost = List.copyOf(lost);
    unexpected = List.copyOf(unexpected);
    misplaced = List.copyOf(misplaced);
    mistagged = List.copyOf(mistagged);
    baseline = List.copyOf(baseline);
    extraRequests = Map.copyOf(extraRequests);
    journal = List.copyOf(journal);
  }

  /** CreateAccount requests beyond one per spec account, however they ended. */
  public int extraRequestCount() {
    return extraRequests.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * Every broken rule, one line each; empty when the fleet is exactly the spec. Extra
   * CreateAccount requests count only if {@code extraRequestsAllowed} is false: a request whose
   * answer was lost on the network must be sent again, and AWS then refuses the second one.
   */
  public List<String> violations(boolean extraRequestsAllowed) {
    List<String> out = new ArrayList<>();
    duplicates.forEach(d -> out.add("duplicate: " + d));
    lost.forEach(l -> out.add("lost: " + l));
    unexpected.forEach(u -> out.add("unexpected account: " + u));
    misplaced.forEach(m -> out.add("misplaced: " + m));
    mistagged.forEach(m -> out.add("mistagged: " + m));
    baseline.forEach(b -> out.add("baseline: " + b));
    if (inFlight > 0) {
      out.add("creations still in progress: " + inFlight);
    }
    if (!extraRequestsAllowed && !extraRequests.isEmpty()) {
      out.add("CreateAccount requests beyond one per account: " + extraRequests);
    }
    journal.forEach(j -> out.add("journal: " + j));
    return out;
  }
}
