package dev.orgvend.core.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Organizations quotas a plan must fit before anything is written. AWS exposes none of them
 * through the Organizations API, so each is AWS's documented value (the Organizations user guide,
 * "Quotas for AWS Organizations") unless the user says otherwise ({@code --limit accounts=500}
 * for an organization whose account quota was raised). Only quotas a plan can reach are here:
 * orgvend creates no policies, so the policy quotas cannot be exceeded by a plan.
 *
 * @param accounts accounts in the organization, management account, suspended accounts and
 *     creations in flight included (AWS's default for a new organization: 10; adjustable)
 * @param ous organizational units in the organization (2,000)
 * @param ouDepth levels of OUs below the root (5)
 * @param tagsPerAccount tags on one account (50)
 * @param given the names of the quotas the user set; the others are AWS's values
 */
public record OrganizationLimits(int accounts, int ous, int ouDepth, int tagsPerAccount,
    List<String> given) {
  public static final String ACCOUNTS = "accounts";
  public static final String OUS = "ous";
  public static final String OU_DEPTH = "ou-depth";
  public static final String TAGS = "tags-per-account";
  /** The names {@link #with} takes, in the order help lists them. */
  public static final List<String> NAMES = List.of(ACCOUNTS, OUS, OU_DEPTH, TAGS);

  public OrganizationLimits {
    given = List.copyOf(given);
  }

  /** AWS's documented values. */
  public static OrganizationLimits awsDefaults() {
    return new OrganizationLimits(10, 2000, 5, 50, List.of());
  }

  /**
   * These limits with some replaced, by name ({@link #NAMES}); throws {@link
   * IllegalArgumentException} for an unknown name or a value out of range.
   */
  public OrganizationLimits with(Map<String, Integer> overrides) {
    Map<String, Integer> values = new LinkedHashMap<>(Map.of(ACCOUNTS, accounts, OUS, ous,
        OU_DEPTH, ouDepth, TAGS, tagsPerAccount));
    List<String> named = new java.util.ArrayList<>(given);
    overrides.forEach((name, value) -> {
      if (!values.containsKey(name)) {
        throw new IllegalArgumentException("unknown quota " + name + "; orgvend knows "
            + String.join(", ", NAMES));
      }
      int max = name.equals(OU_DEPTH) ? 5 : 1_000_000;
      if (value < 1 || value > max) {
        throw new IllegalArgumentException("the quota " + name + " takes 1 to " + max + ", not "
            + value);
      }
      values.put(name, value);
      named.add(name);
    });
    return new OrganizationLimits(values.get(ACCOUNTS), values.get(OUS), values.get(OU_DEPTH),
        values.get(TAGS), named.stream().distinct().toList());
  }

  /** Where the value of a quota came from, for messages. */
  String source(String name) {
    if (given.contains(name)) {
      return "as given with --limit " + name;
    }
    return name.equals(ACCOUNTS)
        ? "AWS's default; if your organization's quota was raised, pass --limit accounts=N"
        : "AWS's documented quota; pass --limit " + name + "=N if yours differs";
  }
}
