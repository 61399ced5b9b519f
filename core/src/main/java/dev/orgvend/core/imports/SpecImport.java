package dev.orgvend.core.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.output.Printable;
import dev.orgvend.core.plan.Plan;
import dev.orgvend.core.plan.Planner;
import dev.orgvend.core.spec.OuPath;
import dev.orgvend.core.spec.Problem;
import dev.orgvend.core.spec.Spec;
import dev.orgvend.core.spec.SpecLoader;
import dev.orgvend.core.spec.SpecResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes down a live organization as a spec: its OU tree and every member account (name, e-mail
 * address, OU, tags), so that {@code plan} against the same organization shows no changes.
 *
 * <p>The YAML is emitted by Jackson with every value double-quoted, so no name or tag can be
 * misread as a number, boolean, null or YAML syntax. The text is then checked twice before anyone
 * sees it: {@link SpecLoader} must accept it, and planning it against the organization it came
 * from must find nothing to change.
 */
public final class SpecImport {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .disable(YAMLGenerator.Feature.SPLIT_LINES)
      .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
      .build());

  private SpecImport() {}

  /**
   * The spec text and what it holds.
   *
   * @param organizationId the organization it describes
   * @param yaml the file's content
   * @param spec the spec as {@link SpecLoader} reads that content
   * @param notes what was left out and why, one sentence each
   */
  public record Imported(String organizationId, String yaml, Spec spec, List<String> notes) {
    public Imported {
      notes = List.copyOf(notes);
    }
  }

  /** The organization cannot be written as a valid spec (say, two accounts share a name). */
  public static final class NotRepresentable extends RuntimeException {
    private final List<Problem> problems;

    NotRepresentable(List<Problem> problems) {
      super(problems.size() + " problem(s) in the imported spec");
      this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
      return problems;
    }
  }

  /**
   * The spec that describes {@code live}. Its tags must have been read for every member account.
   *
   * @param fileName names the text in problems
   * @param header comment lines for the top of the file
   * @throws NotRepresentable when the organization breaks a rule that specs enforce
   */
  public static Imported of(LiveOrganization live, String fileName, List<String> header) {
    List<String> notes = new ArrayList<>();
    ObjectNode root = NODES.objectNode();
    root.put("version", Spec.CURRENT_VERSION);
    ArrayNode units = units(live, live.rootId());
    if (!units.isEmpty()) {
      root.putObject("organization").set("units", units);
    }
    root.set("accounts", accounts(live, notes));
    for (LiveOrganization.Creation c : live.inFlight()) {
      notes.add("account " + c.accountName() + " is still being created (" + c.requestId()
          + "); import again when it is done to include it");
    }

    String yaml = comments(header) + write(root);
    SpecResult result = SpecLoader.create().parse(fileName, yaml);
    if (result instanceof SpecResult.Invalid invalid) {
      throw new NotRepresentable(invalid.problems());
    }
    Spec spec = ((SpecResult.Valid) result).spec();
    Plan check = Planner.plan(spec, live);
    if (check.hasChanges()) {
      throw new IllegalStateException("the imported spec does not match the organization it was"
          + " read from; plan finds " + check.changes());
    }
    return new Imported(live.id(), yaml, spec, notes);
  }

  /** The OUs under {@code parentId}, by name, each with its own children. */
  private static ArrayNode units(LiveOrganization live, String parentId) {
    ArrayNode out = NODES.arrayNode();
    live.ous().stream().filter(o -> o.parentId().equals(parentId))
        .sorted(Comparator.comparing(LiveOrganization.Ou::name))
        .forEach(o -> {
          ObjectNode unit = out.addObject();
          unit.put("name", o.name());
          ArrayNode children = units(live, o.id());
          if (!children.isEmpty()) {
            unit.set("units", children);
          }
        });
    return out;
  }

  private static ArrayNode accounts(LiveOrganization live, List<String> notes) {
    record Placed(LiveOrganization.Account account, String ou) {}
    List<Placed> placed = new ArrayList<>();
    for (LiveOrganization.Account a : live.accounts()) {
      if (a.id().equals(live.managementAccountId())) {
        continue;
      }
      if (a.closed()) {
        notes.add("account " + a.name() + " (" + a.id() + ") is " + a.state()
            + "; closed accounts are left out");
        continue;
      }
      List<String> path = live.pathOf(a.parentId());
      if (path == null) {
        notes.add("account " + a.name() + " (" + a.id() + ") is in " + a.parentId()
            + ", which is not in the OU tree as read; left out");
        continue;
      }
      // Joined by hand, not through OuPath: an OU name with a '/' must reach the loader's
      // checks and be reported there, not fail here.
      placed.add(new Placed(a, path.isEmpty() ? OuPath.ROOT_NAME : String.join("/", path)));
    }
    placed.sort(Comparator.comparing((Placed p) -> !p.ou().equals(OuPath.ROOT_NAME))
        .thenComparing(Placed::ou)
        .thenComparing(p -> p.account().name()).thenComparing(p -> p.account().email()));

    ArrayNode out = NODES.arrayNode();
    for (Placed p : placed) {
      ObjectNode account = out.addObject();
      account.put("name", p.account().name());
      account.put("email", p.account().email());
      account.put("ou", p.ou());
      Map<String, String> tags = new TreeMap<>(live.tagsOf(p.account().id()));
      // AWS reserves the aws: prefix for its own tags; specs may not set them.
      tags.keySet().removeIf(k -> k.toLowerCase(Locale.ROOT).startsWith("aws:"));
      if (!tags.isEmpty()) {
        ObjectNode t = account.putObject("tags");
        tags.forEach(t::put);
      }
    }
    return out;
  }

  private static String comments(List<String> lines) {
    StringBuilder out = new StringBuilder();
    for (String line : lines) {
      // A line break or control character in a header line would end the comment early.
      out.append(line.isEmpty() ? "#" : "# " + Printable.of(line)).append('\n');
    }
    return out.length() == 0 ? "" : out.append('\n').toString();
  }

  private static String write(ObjectNode root) {
    try {
      return YAML.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
