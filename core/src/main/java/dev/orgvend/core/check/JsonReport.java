package dev.orgvend.core.check;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.orgvend.core.baseline.ComponentResult;
import dev.orgvend.core.baseline.Finding;
import dev.orgvend.core.baseline.Status;
import dev.orgvend.core.output.Printable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The check as one JSON document, written while the sweep runs: the accounts array grows as
 * results arrive and the summary closes it. Shape:
 * {@code {organizationId, startedAt, accounts: [{name, accountId, email, ou, baseline, status,
 * components: [{component, status, findings: [...]}]}], summary: {...}}}. Control and
 * invisible characters in strings are written as {@code \\uXXXX} escapes ({@link Printable}).
 */
public final class JsonReport implements CheckListener {
  private final JsonGenerator json;

  public JsonReport(Writer out, String organizationId, Instant startedAt) {
    try {
      JsonFactory factory = new JsonFactory();
      factory.setCharacterEscapes(Printable.jsonEscapes());
      json = factory.createGenerator(out)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("organizationId", organizationId);
      json.writeStringField("startedAt", startedAt.toString());
      json.writeArrayFieldStart("accounts");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void account(AccountCheck r) {
    try {
      json.writeStartObject();
      json.writeStringField("name", r.name());
      json.writeStringField("accountId", r.accountId());
      json.writeStringField("email", r.email());
      json.writeStringField("ou", r.ouPath());
      json.writeStringField("baseline", r.baseline());
      json.writeStringField("status", r.status().label());
      json.writeArrayFieldStart("components");
      for (ComponentResult c : r.components()) {
        json.writeStartObject();
        json.writeStringField("component", c.component());
        json.writeStringField("status", c.status().label());
        json.writeArrayFieldStart("findings");
        for (Finding f : c.findings()) {
          json.writeStartObject();
          json.writeStringField("status", f.status().label());
          json.writeStringField("subject", f.subject());
          json.writeStringField("message", f.message());
          if (f.expected() != null) {
            json.writeStringField("expected", f.expected());
          }
          if (f.actual() != null) {
            json.writeStringField("actual", f.actual());
          }
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void finish(CheckSummary summary, Duration elapsed, int exitCode) {
    try {
      json.writeEndArray();
      json.writeObjectFieldStart("summary");
      json.writeNumberField("accounts", summary.total());
      for (Status s : Status.values()) {
        json.writeNumberField(s.label(), summary.count(s));
      }
      json.writeStringField("status", summary.worst().label());
      json.writeNumberField("exitCode", exitCode);
      json.writeNumberField("seconds", elapsed.toMillis() / 1000.0);
      json.writeObjectFieldStart("byComponent");
      for (Map.Entry<String, Map<Status, Integer>> e : summary.byComponent().entrySet()) {
        json.writeObjectFieldStart(e.getKey());
        for (Map.Entry<Status, Integer> count : e.getValue().entrySet()) {
          json.writeNumberField(count.getKey().label(), count.getValue());
        }
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeArrayFieldStart("reminders");
      for (String r : summary.reminders()) {
        json.writeString(r);
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
      json.writeRaw('\n');
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
