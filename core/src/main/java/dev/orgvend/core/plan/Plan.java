package dev.orgvend.core.plan;

import java.util.List;

/**
 * The changes that would make the organization match the spec, and the notes worth reading.
 *
 * @param organizationId the organization the plan was made against
 * @param fingerprint a digest of the organization as read; a saved plan is applied only if the
 *     organization still has this fingerprint
 */
public record Plan(String organizationId, String fingerprint, List<Change> changes,
    List<Note> notes) {
  public Plan {
    changes = List.copyOf(changes);
    notes = List.copyOf(notes);
  }

  public boolean hasChanges() {
    return !changes.isEmpty();
  }

  public boolean hasErrors() {
    return notes.stream().anyMatch(n -> n.kind().isError());
  }

  /** The quotas the plan would break ({@link Quotas}); apply refuses such a plan whole. */
  public List<Note> quotaBreaches() {
    return notes.stream().filter(n -> n.kind() == Note.Kind.QUOTA).toList();
  }

  /** The changes that remove something, which apply makes only with an explicit opt-in. */
  public List<Change> removals() {
    return changes.stream().filter(Change::removes).toList();
  }

  /** How many tags the plan removes, over all accounts. */
  public long tagsToRemove() {
    return changes.stream().filter(Change.RetagAccount.class::isInstance)
        .mapToLong(c -> ((Change.RetagAccount) c).remove().size()).sum();
  }

  public long count(Class<? extends Change> type) {
    return changes.stream().filter(type::isInstance).count();
  }
}
