package dev.orgvend.sandbox.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.protocol.Cursor;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Params;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Create/List/DeleteAccountAlias in the caller's account.
 *
 * <p>An alias is unique across every account the sandbox knows, as it is across all of AWS (it
 * becomes part of a sign-in URL). An account holds at most one alias, and creating a different
 * one <em>replaces</em> the old alias rather than failing: that is how IAM has long behaved (the
 * list-shaped API predates the one-alias rule), though AWS's reference does not spell it out,
 * so treat it as our reading. Creating the alias the account already has succeeds and changes
 * nothing.
 */
final class AliasOps {
  private static final Pattern ALIAS =
      Pattern.compile("^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$");

  private final AccountSettings settings;

  AliasOps(AccountSettings settings) {
    this.settings = settings;
  }

  Map<String, Operation> operations() {
    return Map.of(
        "CreateAccountAlias", this::create,
        "ListAccountAliases", this::list,
        "DeleteAccountAlias", this::delete);
  }

  private static String alias(Params p) {
    return p.text("AccountAlias").required().length(3, 63).pattern(ALIAS).get();
  }

  private JsonNode create(Call call) {
    String alias = alias(call.params());
    settings.holderOf(alias).ifPresent(holder -> {
      if (!holder.equals(call.accountId())) {
        throw IamErrors.aliasTaken(alias);
      }
    });
    settings.setAlias(call.accountId(), alias);
    return null;
  }

  private JsonNode list(Call call) {
    Params p = call.params();
    String marker = p.text("Marker").length(1, 320).pattern(RoleOps.MARKER).get();
    int maxItems = p.integer("MaxItems").range(1, 1000).orElse(100);
    List<String> aliases = settings.alias(call.accountId()).map(a -> List.of(a.alias()))
        .orElse(List.of());
    Cursor.Page<String> page = Cursor.page(aliases, a -> a, "ListAccountAliases", marker,
        maxItems, IamErrors::invalidMarker);
    ObjectNode out = Nodes.object();
    out.set("AccountAliases", Nodes.strings(page.items()));
    return RoleOps.truncation(out, page);
  }

  private JsonNode delete(Call call) {
    String alias = alias(call.params());
    boolean held = settings.alias(call.accountId()).filter(a -> a.alias().equals(alias))
        .isPresent();
    if (!held) {
      throw IamErrors.noSuchAlias(alias);
    }
    settings.removeAlias(call.accountId());
    return null;
  }
}
