package dev.orgvend.core.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.core.baseline.Finding;
import dev.orgvend.core.output.Printable;
import dev.orgvend.core.spec.AccountSpec;
import dev.orgvend.core.spec.InputFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The plan as JSON ({@code plan --out plan.json}, {@code --output json}). Complete enough that
 * {@code apply plan.json} needs nothing else. Reading ({@link PlanReader}) checks every member
 * and reports the first problem with its JSON path.
 */
public final class PlanJson {
  public static final int FORMAT = 1;
  /** Larger files are refused unread; a plan for a thousand accounts is a few megabytes. */
  public static final int MAX_BYTES = 16 << 20;
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  static {
    // A plan shown with -o json goes to a terminal: control and invisible characters are
    // written as \\uXXXX escapes, which read back as the same text.
    JSON.getFactory().setCharacterEscapes(Printable.jsonEscapes());
  }

  private PlanJson() {}

  public static String write(Plan plan) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("organizationId", plan.organizationId());
    root.put("fingerprint", plan.fingerprint());
    root.put("summary", PlanText.summary(plan));
    ArrayNode changes = root.putArray("changes");
    for (Change change : plan.changes()) {
      ObjectNode c = changes.addObject();
      c.put("action", change.action());
      c.put("description", description(change));
      if (change instanceof Change.CreateOu ou) {
        c.put("path", ou.path().toString());
      } else if (change instanceof Change.CreateAccount ca) {
        c.set("account", account(ca.account()));
      } else if (change instanceof Change.AwaitCreation aw) {
        c.put("requestId", aw.requestId());
        c.set("account", account(aw.account()));
      } else if (change instanceof Change.MoveAccount mv) {
        c.put("accountId", mv.accountId());
        c.put("from", mv.from().toString());
        c.set("account", account(mv.account()));
      } else if (change instanceof Change.RetagAccount rt) {
        c.put("accountId", rt.accountId());
        c.set("account", account(rt.account()));
        c.set("set", JSON.valueToTree(rt.set()));
        c.set("remove", JSON.valueToTree(rt.remove()));
      } else if (change instanceof Change.ApplyBaseline ab) {
        c.put("accountId", ab.accountId());
        c.set("account", account(ab.account()));
        ArrayNode findings = c.putArray("findings");
        ab.findings().forEach(f -> findings.add(finding(f)));
      }
    }
    ArrayNode notes = root.putArray("notes");
    for (Note note : plan.notes()) {
      ObjectNode n = notes.addObject();
      n.put("kind", note.kind().name());
      n.put("subject", note.subject());
      n.put("message", note.message());
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The change in one line, as the plan text shows it without its marker; derived from the
   * change, so reading checks that it was not edited.
   */
  static String description(Change change) {
    return PlanText.line(change).substring(2).lines().findFirst().orElse("");
  }

  /** A finding as JSON; also used by {@code check --output json}. */
  public static ObjectNode finding(Finding f) {
    ObjectNode out = JSON.createObjectNode();
    out.put("component", f.component());
    out.put("status", f.status().label());
    out.put("subject", f.subject());
    out.put("message", f.message());
    if (f.expected() != null) {
      out.put("expected", f.expected());
    }
    if (f.actual() != null) {
      out.put("actual", f.actual());
    }
    return out;
  }

  private static ObjectNode account(AccountSpec a) {
    ObjectNode out = JSON.createObjectNode();
    out.put("name", a.name());
    out.put("email", a.email());
    out.put("ou", a.ouPath().toString());
    out.set("tags", JSON.valueToTree(a.tags()));
    out.put("roleName", a.roleName());
    out.put("iamUserAccessToBilling", a.iamUserAccessToBilling().name());
    if (a.baseline() != null) {
      out.put("baseline", a.baseline());
    }
    return out;
  }

  /**
   * Reads a saved plan; throws {@link IllegalArgumentException} with the JSON path of the first
   * thing wrong. Every member is checked (types, AWS limits, hostile characters); unknown or
   * repeated members are refused.
   */
  public static Plan read(String text) {
    return PlanReader.read(text);
  }

  /**
   * Reads a saved plan file of at most {@link #MAX_BYTES} UTF-8 bytes; throws {@link
   * IllegalArgumentException} saying what is wrong, without the file's name (callers add it).
   */
  public static Plan read(Path file) {
    String special = InputFiles.notRegular(file);
    if (special != null) {
      throw new IllegalArgumentException(special + "; a saved plan must be a regular file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("no such file; save a plan with 'orgvend plan --out "
          + file + "'");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the file (" + e.getClass().getSimpleName()
          + ")");
    }
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException("the file is larger than " + MAX_BYTES
          + " bytes (16 MiB); orgvend refuses to read it as a saved plan");
    }
    try {
      return read(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not a saved plan: the file is not UTF-8 text");
    }
  }
}
