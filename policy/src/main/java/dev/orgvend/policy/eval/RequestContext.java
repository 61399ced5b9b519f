package dev.orgvend.policy.eval;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Who makes a request and the condition keys it carries, shared by every action evaluated for
 * that principal. Keys compare ignoring case. Built once per principal; immutable and safe to
 * share between threads.
 *
 * <p>From the principal the builder derives, unless set explicitly: {@code aws:PrincipalArn},
 * {@code aws:PrincipalAccount}, {@code aws:PrincipalTag/…}, {@code aws:PrincipalType},
 * {@code aws:username} (IAM users) and, with {@link Builder#organizationId},
 * {@code aws:PrincipalOrgID}; with {@link Builder#time}, {@code aws:CurrentTime} and
 * {@code aws:EpochTime}. A role session is named by its role's ARN ({@code
 * arn:aws:iam::ACCOUNT:role/PATH/NAME}), which is what {@code aws:PrincipalArn} holds; an
 * assumed-role session ARN is turned into its role's ARN (without a path, which the session ARN
 * does not carry).
 */
public final class RequestContext {
  /** The values of one key; {@code multivalued} when the request carries it as a set. */
  static final class Entry {
    final String[] values;
    final boolean multivalued;
    private volatile String[][] arnParts;

    Entry(String[] values, boolean multivalued) {
      this.values = values;
      this.multivalued = multivalued;
    }

    /** {@link ArnPattern#split} of each value, computed once. */
    String[] arnParts(int i) {
      String[][] parts = arnParts;
      if (parts == null) {
        parts = new String[values.length][];
        for (int k = 0; k < values.length; k++) {
          parts[k] = ArnPattern.split(values[k]);
        }
        arnParts = parts;
      }
      return parts[i];
    }
  }

  private final String callerArn;
  private final String principalArn;
  private final String accountId;
  private final boolean managementAccount;
  private final boolean serviceLinkedRole;
  private final Map<String, Entry> keys;
  /** Statements with policy variables, compiled for this context (see CompiledStatement). */
  private volatile ConcurrentHashMap<Object, Object> instances;

  private RequestContext(Builder b) {
    this.callerArn = b.callerArn;
    this.principalArn = b.principalArn;
    this.accountId = b.accountId;
    this.managementAccount = b.managementAccount;
    this.serviceLinkedRole = b.serviceLinkedRole;
    this.keys = Map.copyOf(b.keys);
  }

  /**
   * A context for the principal with this ARN: an IAM user ({@code arn:aws:iam::A:user/N}), a
   * role ({@code arn:aws:iam::A:role/N}), an assumed-role session or the root user
   * ({@code arn:aws:iam::A:root}).
   */
  public static Builder builder(String principalArn) {
    return new Builder(principalArn);
  }

  /** The principal as {@code aws:PrincipalArn} names it (a session's role, not the session). */
  public String principalArn() {
    return principalArn;
  }

  /** The ARN as given to {@link #builder}, e.g. an assumed-role session; used in messages. */
  public String callerArn() {
    return callerArn;
  }

  public String accountId() {
    return accountId;
  }

  public boolean managementAccount() {
    return managementAccount;
  }

  public boolean serviceLinkedRole() {
    return serviceLinkedRole;
  }

  /**
   * What {@code make} computes for {@code key} in this context, computed once: a statement with
   * policy variables is compiled once per principal, not once per request.
   */
  Object instance(Object key, Function<RequestContext, Object> make) {
    ConcurrentHashMap<Object, Object> map = instances;
    if (map == null) {
      synchronized (this) {
        map = instances;
        if (map == null) {
          map = new ConcurrentHashMap<>();
          instances = map;
        }
      }
    }
    Object found = map.get(key);
    if (found == null) {
      found = make.apply(this);
      map.putIfAbsent(key, found);
    }
    return found;
  }

  /** The entry for a key already in lower case, or null when the request does not carry it. */
  Entry entry(String loweredKey) {
    return keys.get(loweredKey);
  }

  /** The value of a single-valued key (lower case), or null when absent or multivalued. */
  String singleValue(String loweredKey) {
    Entry e = keys.get(loweredKey);
    return e == null || e.multivalued ? null : e.values[0];
  }

  /** The values of a key (any case), empty when absent; for explanations and tests. */
  public List<String> values(String key) {
    Entry e = keys.get(key.toLowerCase(Locale.ROOT));
    return e == null ? List.of() : List.of(e.values);
  }

  public static final class Builder {
    private final String callerArn;
    private final String principalArn;
    private String accountId;
    private boolean managementAccount;
    private boolean serviceLinkedRole;
    private String organizationId;
    private Instant time;
    private final Map<String, String> principalTags = new LinkedHashMap<>();
    private final Map<String, Entry> keys = new HashMap<>();

    private Builder(String principalArn) {
      this.callerArn = principalArn;
      this.principalArn = roleArnOf(principalArn);
      String[] parts = ArnPattern.split(this.principalArn);
      this.accountId = parts == null ? "" : parts[4];
      this.serviceLinkedRole = parts != null && parts[5].startsWith("role/aws-service-role/");
    }

    /** The account the principal belongs to (default: the account in its ARN). */
    public Builder account(String id) {
      this.accountId = id;
      return this;
    }

    /** Principals of the management account are never affected by SCPs. */
    public Builder managementAccount(boolean value) {
      this.managementAccount = value;
      return this;
    }

    /**
     * Service-linked roles are never affected by SCPs. Detected from the role path
     * {@code /aws-service-role/}; set it when the principal ARN does not show the path.
     */
    public Builder serviceLinkedRole(boolean value) {
      this.serviceLinkedRole = value;
      return this;
    }

    public Builder principalTag(String key, String value) {
      principalTags.put(key, value);
      return this;
    }

    public Builder principalTags(Map<String, String> tags) {
      principalTags.putAll(tags);
      return this;
    }

    /** The organization's id ({@code o-…}), for {@code aws:PrincipalOrgID}. */
    public Builder organizationId(String id) {
      this.organizationId = id;
      return this;
    }

    /** The request time, for {@code aws:CurrentTime} and {@code aws:EpochTime}. */
    public Builder time(Instant value) {
      this.time = value;
      return this;
    }

    /** A single-valued key, such as {@code aws:RequestedRegion}. Replaces any earlier value. */
    public Builder put(String key, String value) {
      keys.put(key.toLowerCase(Locale.ROOT), new Entry(new String[] {value}, false));
      return this;
    }

    /**
     * A multivalued key, such as {@code aws:TagKeys} or {@code aws:CalledVia}. An empty list
     * leaves the key out, as a request with no values does not carry it.
     */
    public Builder putAll(String key, List<String> values) {
      String lowered = key.toLowerCase(Locale.ROOT);
      if (values.isEmpty()) {
        keys.remove(lowered);
      } else {
        keys.put(lowered, new Entry(values.toArray(String[]::new), true));
      }
      return this;
    }

    public RequestContext build() {
      derive("aws:PrincipalArn", principalArn);
      derive("aws:PrincipalAccount", accountId);
      principalTags.forEach((k, v) -> derive("aws:PrincipalTag/" + k, v));
      String type = principalType(principalArn);
      if (type != null) {
        derive("aws:PrincipalType", type);
      }
      if ("User".equals(type)) {
        String resource = ArnPattern.split(principalArn)[5];
        derive("aws:username", resource.substring(resource.lastIndexOf('/') + 1));
      }
      if (organizationId != null) {
        derive("aws:PrincipalOrgID", organizationId);
      }
      if (time != null) {
        derive("aws:CurrentTime", time.toString());
        derive("aws:EpochTime", Long.toString(time.getEpochSecond()));
      }
      return new RequestContext(this);
    }

    private void derive(String key, String value) {
      if (value != null && !value.isEmpty()) {
        keys.putIfAbsent(key.toLowerCase(Locale.ROOT), new Entry(new String[] {value}, false));
      }
    }
  }

  /** {@code arn:aws:sts::A:assumed-role/NAME/SESSION} becomes {@code arn:aws:iam::A:role/NAME}. */
  static String roleArnOf(String arn) {
    String[] parts = ArnPattern.split(arn);
    if (parts == null || !parts[2].equals("sts") || !parts[5].startsWith("assumed-role/")) {
      return arn;
    }
    String rest = parts[5].substring("assumed-role/".length());
    int slash = rest.indexOf('/');
    String role = slash < 0 ? rest : rest.substring(0, slash);
    return "arn:" + parts[1] + ":iam::" + parts[4] + ":role/" + role;
  }

  /** The aws:PrincipalType value for the ARN, or null when it does not tell. */
  static String principalType(String arn) {
    String[] parts = ArnPattern.split(arn);
    if (parts == null || !parts[2].equals("iam")) {
      return null;
    }
    if (parts[5].equals("root")) {
      return "Account";
    }
    if (parts[5].startsWith("user/")) {
      return "User";
    }
    if (parts[5].startsWith("role/")) {
      return "AssumedRole";
    }
    return null;
  }
}
