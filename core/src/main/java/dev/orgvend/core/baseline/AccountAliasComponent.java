package dev.orgvend.core.baseline;

import dev.orgvend.core.spec.AwsValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code accountAlias}: the account's IAM alias (its sign-in URL name). A baseline usually
 * serves many accounts and an alias is unique across all of AWS, so the setting is a template:
 * {@code {name}} stands for the account's spec name made alias-safe (lower case, other
 * characters turned into dashes) and {@code {accountId}} for its id.
 *
 * <pre>{@code
 * accountAlias: acme-{name}
 * }</pre>
 */
final class AccountAliasComponent
    implements BaselineComponent<String, AccountAliasComponent.State> {
  static final String NAME = "accountAlias";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

  /** What the account should be called and what it is called now (IAM allows one alias). */
  record State(String wanted, List<String> current) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String configure(ConfigReader s) {
    if (s.node() == null || !s.node().isTextual()) {
      s.problem("expected the alias as a string, e.g. \"acme-{name}\"");
      return null;
    }
    String template = s.node().asText();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      if (!m.group(1).equals("name") && !m.group(1).equals("accountId")) {
        s.problem("unknown placeholder {" + m.group(1) + "}; use {name} or {accountId}");
        return null;
      }
    }
    // Check the fixed part with short stand-ins: a valid template gives valid aliases for
    // every account whose name renders to something.
    String sample = render(template, "a", "123456789012");
    if (AwsValues.accountAlias(sample) != null) {
      s.problem(ConfigReader.quote(template) + " does not make a valid alias: IAM wants 3 to 63"
          + " lower-case letters, digits and dashes, starting and ending with a letter or digit,"
          + " with no two dashes in a row");
      return null;
    }
    return template;
  }

  /** The alias for one account. */
  static String render(String template, String accountName, String accountId) {
    String safe = accountName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-+|-+$", "");
    return template.replace("{name}", safe).replace("{accountId}", accountId);
  }

  @Override
  public State read(MemberAccount account, String template) {
    String wanted = render(template, account.name(), account.id());
    List<String> current = account.call("ListAccountAliases", () -> account.iam()
        .listAccountAliases(r -> r.overrideConfiguration(account.auth()))).accountAliases();
    return new State(wanted, List.copyOf(current));
  }

  @Override
  public List<Finding> diff(String template, State have) {
    List<Finding> out = new ArrayList<>();
    if (AwsValues.accountAlias(have.wanted()) != null) {
      out.add(new Finding(NAME, Status.ERROR, "alias", "the alias " + ConfigReader.quote(
          have.wanted()) + " made from " + ConfigReader.quote(template) + " is not a valid IAM"
          + " alias for this account; change the template or the account name", null, null));
    } else if (!have.current().contains(have.wanted())) {
      out.add(Finding.differs(NAME, "alias", "alias",
          have.current().isEmpty() ? null : String.join(",", have.current()), have.wanted()));
    }
    return out;
  }

  @Override
  public void apply(MemberAccount account, String template, State have) {
    if (AwsValues.accountAlias(have.wanted()) != null || have.current().contains(have.wanted())) {
      return;
    }
    // An account has at most one alias; remove the old one first, as IAM documents it.
    for (String old : have.current()) {
      account.call("DeleteAccountAlias", () -> account.iam().deleteAccountAlias(
          r -> r.accountAlias(old).overrideConfiguration(account.auth())));
    }
    // EntityAlreadyExists here means another AWS account holds the alias; see Failures.
    account.call("CreateAccountAlias", () -> account.iam().createAccountAlias(
        r -> r.accountAlias(have.wanted()).overrideConfiguration(account.auth())));
  }
}
