package dev.orgvend.sandbox.sts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.auth.AccessKey;
import dev.orgvend.sandbox.auth.Credentials;
import dev.orgvend.sandbox.auth.Principal;
import dev.orgvend.sandbox.iam.Role;
import dev.orgvend.sandbox.iam.Roles;
import dev.orgvend.sandbox.protocol.AwsException;
import dev.orgvend.sandbox.protocol.Binding;
import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.protocol.Params;
import dev.orgvend.sandbox.protocol.QueryErrors;
import dev.orgvend.sandbox.protocol.Service;
import dev.orgvend.sandbox.state.AccountDirectory;
import dev.orgvend.sandbox.state.Ids;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** AWS Security Token Service: GetCallerIdentity and AssumeRole (awsQuery, 2011-06-15). */
public final class StsService {
  private static final Binding QUERY =
      new Binding.AwsQuery("2011-06-15", "https://sts.amazonaws.com/doc/2011-06-15/");
  private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]*");
  private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]*");
  private static final Pattern ROLE_ARN =
      Pattern.compile("arn:aws:iam::(\\d{12}):role(/(?:[^/]+/)*)?([\\w+=,.@-]{1,64})");
  private static final int CHAINED_MAX_SECONDS = 3600;

  private final Credentials credentials;
  private final Roles roles;
  private final AccountDirectory accounts;
  private final Ids ids;

  public StsService(Credentials credentials, Roles roles, AccountDirectory accounts, Ids ids) {
    this.credentials = credentials;
    this.roles = roles;
    this.accounts = accounts;
    this.ids = ids;
  }

  public Service service() {
    return new Service("sts", List.of(QUERY), QueryErrors.ANSWERS,
        Map.of("GetCallerIdentity", this::getCallerIdentity, "AssumeRole", this::assumeRole));
  }

  private JsonNode getCallerIdentity(Call call) {
    ObjectNode out = Nodes.object();
    out.put("UserId", call.caller().userId());
    out.put("Account", call.caller().accountId());
    out.put("Arn", call.caller().arn());
    return out;
  }

  private JsonNode assumeRole(Call call) {
    Params p = call.params();
    String roleArn = p.text("RoleArn").required().length(20, 2048).get();
    String sessionName =
        p.text("RoleSessionName").required().length(2, 64).pattern(SESSION_NAME).get();
    int duration = p.integer("DurationSeconds").range(900, 43_200).orElse(3600);
    String externalId = p.text("ExternalId").length(2, 1224).pattern(EXTERNAL_ID).get();
    String sessionPolicy = p.text("Policy").length(1, 2048).get();
    p.list("PolicyArns", 10);
    p.list("Tags", 50);

    Matcher arn = ROLE_ARN.matcher(roleArn);
    Principal caller = call.caller();
    AwsException denied = AwsException.of("AccessDenied", 403, "User: " + caller.arn()
        + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
    if (!arn.matches()) {
      throw AwsException.of("ValidationError", 400, roleArn + " is not a valid role ARN");
    }
    String accountId = arn.group(1);
    Role role = roles.find(accountId, arn.group(3))
        .filter(r -> r.arn().equals(roleArn))
        .filter(r -> accounts.isActive(accountId))
        .orElseThrow(() -> denied);
    if (!TrustPolicy.allows(role.assumeRolePolicyDocument(), caller, externalId)) {
      throw denied;
    }
    if (caller.isRoleSession() && duration > CHAINED_MAX_SECONDS) {
      throw AwsException.of("ValidationError", 400, "The requested DurationSeconds exceeds the 1"
          + " hour session limit for roles assumed by role chaining.");
    }
    if (duration > role.maxSessionDuration()) {
      throw AwsException.of("ValidationError", 400,
          "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
    }
    if (sessionPolicy != null && !looksLikeJsonObject(sessionPolicy)) {
      throw AwsException.of("MalformedPolicyDocument", 400,
          "The policy is not in the valid JSON format.");
    }

    String sessionArn =
        "arn:aws:sts::" + accountId + ":assumed-role/" + role.roleName() + "/" + sessionName;
    Principal session = new Principal(accountId, sessionArn, role.roleId() + ":" + sessionName,
        Principal.Kind.ROLE_SESSION, role.arn());
    Instant expiration = call.now().plusSeconds(duration);
    AccessKey key = new AccessKey("ASIA" + ids.upperAlnum(16), ids.base64(40),
        "FwoGZXIvYXdzE" + ids.base64(344), expiration, session);
    credentials.add(key);
    credentials.prune(call.now());

    ObjectNode out = Nodes.object();
    ObjectNode creds = out.putObject("Credentials");
    creds.put("AccessKeyId", key.accessKeyId());
    creds.put("SecretAccessKey", key.secretAccessKey());
    creds.put("SessionToken", key.sessionToken());
    creds.set("Expiration", Nodes.time(expiration));
    ObjectNode user = out.putObject("AssumedRoleUser");
    user.put("AssumedRoleId", session.userId());
    user.put("Arn", sessionArn);
    if (sessionPolicy != null) {
      out.put("PackedPolicySize", Math.max(1, sessionPolicy.length() * 100 / 2048));
    }
    return out;
  }

  private static boolean looksLikeJsonObject(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text).isObject();
    } catch (Exception e) {
      return false;
    }
  }
}
