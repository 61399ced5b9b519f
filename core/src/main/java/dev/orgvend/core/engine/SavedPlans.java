package dev.orgvend.core.engine;

import dev.orgvend.core.plan.Change;
import dev.orgvend.core.plan.Note;
import dev.orgvend.core.plan.Plan;
import dev.orgvend.core.spec.AccountSpec;
import dev.orgvend.core.spec.AwsValues;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Whether a saved plan may still be applied: made for this organization, which has not changed
 * since, and listing exactly the changes and notes of the plan made now. A file edited by hand or
 * made from another spec therefore never reaches AWS, and what apply runs is always a plan it made
 * itself. Together with {@code PlanReader}, which checks the members derived from the rest (the
 * summary and each change's description), every member of the file is covered. A refusal is a
 * {@link Refusal}.
 */
final class SavedPlans {
  private SavedPlans() {}

  static void checkStillValid(Plan saved, Plan now, Path file, Path spec) {
    if (!saved.organizationId().equals(now.organizationId())) {
      throw new Refusal(file + " was made for organization " + saved.organizationId()
          + ", but these credentials reach organization " + now.organizationId()
          + "; nothing was changed");
    }
    if (!saved.fingerprint().equals(now.fingerprint())) {
      throw new Refusal("the organization changed since " + file + " was made;"
          + " run 'orgvend plan --out " + file + "' again");
    }
    String difference = difference(saved.changes(), now.changes());
    if (difference == null) {
      difference = noteDifference(saved.notes(), now.notes());
    }
    if (difference != null) {
      throw new Refusal(file + " does not match what " + spec + " needs now: " + difference
          + "; nothing was changed. Run 'orgvend plan -f " + spec + " --out " + file
          + "' again");
    }
  }

  /** The first way the saved changes differ from the needed ones, or null when they are equal. */
  private static String difference(List<Change> saved, List<Change> needed) {
    for (int i = 0; i < Math.min(saved.size(), needed.size()); i++) {
      Change have = saved.get(i);
      Change want = needed.get(i);
      if (have.equals(want)) {
        continue;
      }
      if (describe(have).equals(describe(want))) {
        return "$.changes[" + i + "]" + differingMember((Record) have, (Record) want) + " of "
            + describe(have) + " differs";
      }
      return "$.changes[" + i + "] is " + describe(have) + " where the spec needs "
          + describe(want);
    }
    if (saved.size() != needed.size()) {
      return "the plan lists " + saved.size() + " change(s) where the spec needs "
          + needed.size();
    }
    return null;
  }

  /**
   * The first way the saved notes differ from the notes of the plan made now, or null. Notes
   * change nothing, but they are what the user read before approving, so an edited note is an
   * edited plan.
   */
  private static String noteDifference(List<Note> saved, List<Note> now) {
    for (int i = 0; i < Math.min(saved.size(), now.size()); i++) {
      if (!saved.get(i).equals(now.get(i))) {
        return "$.notes[" + i + "] is not what the organization shows now";
      }
    }
    if (saved.size() != now.size()) {
      return "the plan has " + saved.size() + " note(s) where the organization now gives "
          + now.size();
    }
    return null;
  }

  /**
   * The JSON path, below the change, of the first member that differs: changes and the accounts
   * inside them are records, compared component by component.
   */
  private static String differingMember(Record have, Record want) {
    for (RecordComponent component : have.getClass().getRecordComponents()) {
      Object a = value(component, have);
      Object b = value(component, want);
      if (Objects.equals(a, b)) {
        continue;
      }
      String name = component.getName().equals("ouPath") ? "ou" : component.getName();
      if (a instanceof AccountSpec accountA && b instanceof AccountSpec accountB) {
        return "." + name + differingMember(accountA, accountB);
      }
      return "." + name;
    }
    return "";
  }

  private static Object value(RecordComponent component, Record owner) {
    try {
      return component.getAccessor().invoke(owner);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String describe(Change change) {
    return change.action() + " " + AwsValues.quote(change.subject());
  }
}
