package dev.orgvend.sandbox.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Params;
import dev.orgvend.sandbox.state.Table;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Put/Get/DeleteAlternateContact. Put is an upsert: it replaces the whole contact of that type,
 * so calling it twice with the same values changes nothing.
 */
final class AlternateContactOps {
  static final List<String> TYPES = List.of("BILLING", "OPERATIONS", "SECURITY");
  private static final Pattern EMAIL =
      Pattern.compile("^[\\s]*[\\w+=.#|!&-]+@[\\w.-]+\\.[\\w]+[\\s]*$");
  private static final Pattern PHONE = Pattern.compile("^[\\s0-9()+-]+$");

  private final Table<AlternateContact> contacts;
  private final TargetAccount target;

  AlternateContactOps(Table<AlternateContact> contacts, TargetAccount target) {
    this.contacts = contacts;
    this.target = target;
  }

  Map<String, Operation> operations() {
    return Map.of(
        "PutAlternateContact", this::put,
        "GetAlternateContact", this::get,
        "DeleteAlternateContact", this::delete);
  }

  private static String type(Params p) {
    return p.text("AlternateContactType").required().oneOf(TYPES).get();
  }

  private JsonNode put(Call call) {
    Params p = call.params();
    String type = type(p);
    String name = p.text("Name").required().length(1, 64).get();
    String title = p.text("Title").required().length(1, 50).get();
    String email = p.text("EmailAddress").required().length(1, 254).pattern(EMAIL).get();
    String phone = p.text("PhoneNumber").required().length(1, 25).pattern(PHONE).get();
    String accountId = target.resolve(call, TargetAccount.requested(call));
    contacts.put(AlternateContact.key(accountId, type),
        new AlternateContact(accountId, type, name, title, email, phone));
    return null;
  }

  private JsonNode get(Call call) {
    AlternateContact contact = existing(call);
    ObjectNode item = Nodes.object();
    item.put("AlternateContactType", contact.type());
    item.put("Name", contact.name());
    item.put("Title", contact.title());
    item.put("EmailAddress", contact.emailAddress());
    item.put("PhoneNumber", contact.phoneNumber());
    ObjectNode out = Nodes.object();
    out.set("AlternateContact", item);
    return out;
  }

  private JsonNode delete(Call call) {
    AlternateContact contact = existing(call);
    contacts.remove(AlternateContact.key(contact.accountId(), contact.type()));
    return null;
  }

  private AlternateContact existing(Call call) {
    String type = type(call.params());
    String accountId = target.resolve(call, TargetAccount.requested(call));
    return contacts.find(AlternateContact.key(accountId, type))
        .orElseThrow(AccountErrors::contactNotFound);
  }
}
