package dev.orgvend.sandbox.organizations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.organizations.Records.Account;
import dev.orgvend.sandbox.organizations.Records.CreateRequest;
import dev.orgvend.sandbox.organizations.Records.Organization;
import dev.orgvend.sandbox.organizations.Records.Tags;
import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Params;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Account operations: CreateAccount and its status, DescribeAccount, ListAccounts. Account
 * creation is asynchronous: a request stays IN_PROGRESS for the configured delay and is settled
 * (SUCCEEDED or FAILED) by {@link #settle} the first time any request arrives after it is due.
 */
final class AccountOps {
  static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");
  static final Pattern ACCOUNT_NAME = Pattern.compile("[\\u0020-\\u007E]+");
  static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
  static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  static final Pattern REQUEST_ID = Pattern.compile("car-[a-z0-9]{8,32}");
  static final String FULL_AWS_ACCESS = "p-FullAWSAccess";
  private static final Set<String> CREATE_STATES = Set.of("IN_PROGRESS", "SUCCEEDED", "FAILED");

  private final OrgContext ctx;

  AccountOps(OrgContext ctx) {
    this.ctx = ctx;
  }

  Map<String, Operation> operations() {
    return Map.of(
        "CreateAccount", this::createAccount,
        "DescribeCreateAccountStatus", this::describeCreateAccountStatus,
        "ListCreateAccountStatus", this::listCreateAccountStatus,
        "DescribeAccount", this::describeAccount,
        "ListAccounts", this::listAccounts);
  }

  private JsonNode createAccount(Call call) {
    Organization org = ctx.asManagement(call);
    Params p = call.params();
    String email = p.text("Email").required().length(6, 64).pattern(EMAIL).get();
    String name = p.text("AccountName").required().length(1, 50).pattern(ACCOUNT_NAME).get();
    String roleName = p.text("RoleName").orElse("OrganizationAccountAccessRole");
    if (!ROLE_NAME.matcher(roleName).matches()) {
      throw OrgErrors.invalidInput("INVALID_ROLE_NAME",
          "You provided a role name that isn't valid: " + roleName);
    }
    String billing = p.text("IamUserAccessToBilling").oneOf(List.of("ALLOW", "DENY"))
        .orElse("ALLOW");
    Map<String, String> tags = Tagging.read(p, "Tags");

    OrgRules rules = ctx.rules.get();
    List<CreateRequest> inFlight = ctx.state.creating.stream().map(ctx.state.requests::get)
        .toList();
    if (inFlight.size() >= rules.maxCreationsInFlight()) {
      throw OrgErrors.constraint("ACCOUNT_CREATION_RATE_LIMIT_EXCEEDED", "You have too many"
          + " account creation requests in progress. Wait for one to finish and try again.");
    }
    boolean full = ctx.state.members().size() + inFlight.size() >= rules.accountLimit();
    if (full && !rules.overQuotaFailsLater()) {
      throw OrgErrors.accountNumberLimit(rules.accountLimit());
    }
    // A second request for an address that is already being created fails when it settles; the
    // planned reason is kept in failureReason while the request is still IN_PROGRESS.
    String planned = inFlight.stream().anyMatch(r -> r.email().equalsIgnoreCase(email))
        ? "CONCURRENT_ACCOUNT_MODIFICATION" : full ? "ACCOUNT_LIMIT_EXCEEDED" : null;
    CreateRequest request = new CreateRequest("car-" + ctx.state.ids.hex(32), name, email,
        roleName, billing, tags, "IN_PROGRESS", call.now(),
        call.now().plus(rules.createAccountDelay()), null, null, planned);
    ctx.state.requests.put(request.id(), request);
    ObjectNode out = Nodes.object();
    out.set("CreateAccountStatus", statusNode(request));
    return out;
  }

  /** Finishes every request that is due, in the order they fall due. */
  void settle(Instant now) {
    if (ctx.state.org().isEmpty()) {
      return;
    }
    if (ctx.state.creating.isEmpty()) {
      return;
    }
    List<CreateRequest> due = new java.util.ArrayList<>();
    for (String id : ctx.state.creating) {
      CreateRequest r = ctx.state.requests.get(id);
      if (!r.dueAt().isAfter(now)) {
        due.add(r);
      }
    }
    due.sort(Comparator.comparing(CreateRequest::dueAt).thenComparing(CreateRequest::requestedAt));
    for (CreateRequest request : due) {
      complete(request);
    }
  }

  private void complete(CreateRequest request) {
    Instant at = request.dueAt();
    String failure = request.failureReason();
    if (failure == null && ctx.state.emailInUse(request.email())) {
      failure = "EMAIL_ALREADY_EXISTS";
    }
    if (failure != null) {
      ctx.state.requests.put(request.id(), request.failed(failure, at));
      return;
    }
    Organization org = ctx.org();
    Account account = addMember(org, request.accountName(), request.email(), org.rootId(),
        request.roleName(), request.tags(), at);
    ctx.attachDefaultPolicy(org, account.id());
    ctx.state.requests.put(request.id(), request.succeeded(account.id(), at));
  }

  /**
   * Adds a member account under {@code parentId} as a finished creation leaves it: a fresh id,
   * its tags, and the member role that trusts the management account. The default policy is left
   * to the caller.
   */
  Account addMember(Organization org, String name, String email, String parentId,
      String roleName, Map<String, String> tags, Instant at) {
    String accountId;
    do {
      accountId = ctx.state.ids.digits(12);
    } while (ctx.state.accounts.contains(accountId));
    Account account = new Account(accountId, name, email, "ACTIVE", parentId, "CREATED", at, null);
    ctx.state.accounts.put(accountId, account);
    if (!tags.isEmpty()) {
      ctx.state.tags.put(accountId, new Tags(accountId, tags));
    }
    String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + org.managementAccountId() + ":root\"},"
        + "\"Action\":\"sts:AssumeRole\"}]}";
    var role = ctx.roles.create(accountId, roleName, "/", trust, null, 3600, Map.of(), at);
    ctx.roles.putInlinePolicy(role, "AdministratorAccess", "{\"Version\":\"2012-10-17\","
        + "\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");
    return account;
  }

  private JsonNode describeCreateAccountStatus(Call call) {
    ctx.asReader(call);
    String id = call.params().text("CreateAccountRequestId").required().length(1, 36)
        .pattern(REQUEST_ID).get();
    CreateRequest request = ctx.state.requests.find(id)
        .orElseThrow(() -> OrgErrors.createStatusNotFound(id));
    ObjectNode out = Nodes.object();
    out.set("CreateAccountStatus", statusNode(request));
    return out;
  }

  private JsonNode listCreateAccountStatus(Call call) {
    ctx.asReader(call);
    Params p = call.params();
    List<String> states = p.strings("States", 10);
    for (String s : states) {
      if (!CREATE_STATES.contains(s)) {
        throw OrgErrors.invalidInput("INVALID_ENUM", "Invalid value for States: " + s);
      }
    }
    List<CreateRequest> matching = ctx.state.requests.where(
        r -> states.isEmpty() || states.contains(r.state()));
    Paging.Page<CreateRequest> page = Paging.page(matching, p, "ListCreateAccountStatus");
    ObjectNode out = Nodes.object();
    out.set("CreateAccountStatuses", Nodes.array(page.items(), this::statusNode));
    if (page.nextToken() != null) {
      out.put("NextToken", page.nextToken());
    }
    return out;
  }

  private JsonNode describeAccount(Call call) {
    Organization org = ctx.org();
    String id = call.params().text("AccountId").required().length(1, 12).pattern(ACCOUNT_ID).get();
    // Any member may describe itself; other accounts need management or delegated rights.
    if (!id.equals(call.accountId())) {
      ctx.asReader(call);
    } else if (!ctx.isMember(id)) {
      throw OrgErrors.notInUse();
    }
    Account account = ctx.state.accounts.find(id).filter(a -> a.parentId() != null)
        .orElseThrow(() -> OrgErrors.accountNotFound(id));
    ObjectNode out = Nodes.object();
    out.set("Account", ctx.accountNode(org, account));
    return out;
  }

  private JsonNode listAccounts(Call call) {
    Organization org = ctx.asReader(call);
    Paging.Page<Account> page = Paging.page(ctx.state.members(), call.params(), "ListAccounts");
    ObjectNode out = Nodes.object();
    ArrayNode accounts = out.putArray("Accounts");
    page.items().forEach(a -> accounts.add(ctx.accountNode(org, a)));
    if (page.nextToken() != null) {
      out.put("NextToken", page.nextToken());
    }
    return out;
  }

  ObjectNode statusNode(CreateRequest r) {
    ObjectNode out = Nodes.object();
    out.put("Id", r.id());
    out.put("AccountName", r.accountName());
    out.put("State", r.state());
    out.set("RequestedTimestamp", Nodes.time(r.requestedAt()));
    if (r.completedAt() != null) {
      out.set("CompletedTimestamp", Nodes.time(r.completedAt()));
    }
    if (r.accountId() != null) {
      out.put("AccountId", r.accountId());
    }
    if (r.state().equals("FAILED")) {
      out.put("FailureReason", r.failureReason());
    }
    return out;
  }

  static String normalEmail(String email) {
    return email.toLowerCase(Locale.ROOT);
  }
}
