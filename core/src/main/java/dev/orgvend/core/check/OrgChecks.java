package dev.orgvend.core.check;

import dev.orgvend.core.baseline.Finding;
import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.spec.AccountSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The organization-level checks of one account: its OU and its tags. No calls. */
final class OrgChecks {
  private OrgChecks() {}

  static List<Finding> placement(AccountSpec account, LiveOrganization.Account existing,
      LiveOrganization live) {
    List<String> path = live.pathOf(existing.parentId());
    String actual = path == null ? "an unknown parent (" + existing.parentId() + ")"
        : path.isEmpty() ? "Root" : String.join("/", path);
    if (path != null && path.equals(account.ouPath().segments())) {
      return List.of();
    }
    return List.of(new Finding(AccountCheck.PLACEMENT, dev.orgvend.core.baseline.Status.DRIFTED,
        "OU", "the account is in " + actual + ", want " + account.ouPath(),
        account.ouPath().toString(), actual));
  }

  /** Tags whose keys start with {@code aws:} belong to AWS and are not compared. */
  static List<Finding> tags(AccountSpec account, Map<String, String> have) {
    List<Finding> out = new ArrayList<>();
    Map<String, String> all = new TreeMap<>(have);
    account.tags().forEach(all::putIfAbsent);
    all.forEach((key, value) -> {
      if (key.startsWith("aws:")) {
        return;
      }
      String want = account.tags().get(key);
      String actual = have.get(key);
      if (want != null && !want.equals(actual)) {
        out.add(Finding.differs(AccountCheck.TAGS, "tag " + key, "value", actual == null
            ? null : "\"" + actual + "\"", "\"" + want + "\""));
      } else if (want == null) {
        out.add(new Finding(AccountCheck.TAGS, dev.orgvend.core.baseline.Status.DRIFTED,
            "tag " + key, "tag " + key + " is set (\"" + actual + "\") but not in the spec",
            null, actual));
      }
    });
    return out;
  }
}
