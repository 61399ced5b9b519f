package dev.orgvend.testkit.torture;

import dev.orgvend.core.journal.Journal;
import dev.orgvend.core.spec.AccountSpec;
import dev.orgvend.core.spec.OuPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.CreateAccountStatus;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Tag;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The rules a crash or a fault must never break, checked from outside orgvend: through the AWS
 * APIs of the sandbox (with the AWS SDK, as any auditor would) and the journal file.
 *
 * <ul>
 *   <li>exactly one account per spec address, none lost, no account that is not in the spec;
 *   <li>one successful CreateAccount request per account, none still in progress, and the
 *       extra requests counted by how they ended;
 *   <li>each account in its OU, with exactly its tags;
 *   <li>each account's billing alarm baseline in place inside the account: the SNS topic, one
 *       e-mail subscription for the spec's address, the alarm with the seed article's values;
 *   <li>the journal settled and in step with AWS: no run still RUNNING, no action still open,
 *       every account orgvend created recorded with the id AWS gave it.
 * </ul>
 *
 * The sandbox must answer without injected faults while this reads it.
 */
public final class FleetInvariants {
  private FleetInvariants() {}

  /** Checks everything; see the class comment. */
  public static InvariantReport check(SandboxAccess sandbox, TortureSpec spec, Path journal) {
    try (OrganizationsClient orgs = client(OrganizationsClient.builder(), sandbox,
        sandbox.credentials())) {
      String rootId = orgs.listRoots().roots().get(0).id();
      String managementId = orgs.describeOrganization().organization().masterAccountId();
      Map<String, String> pathOfParent = new HashMap<>();
      pathOfParent.put(rootId, OuPath.ROOT_NAME);
      Map<String, String> parentOf = new HashMap<>();
      List<Account> accounts = new ArrayList<>();
      walk(orgs, rootId, OuPath.ROOT_NAME, pathOfParent, parentOf, accounts);

      Map<String, List<Account>> byEmail = accounts.stream().collect(Collectors.groupingBy(
          a -> lower(a.email()), TreeMap::new, Collectors.toList()));
      List<String> duplicates = new ArrayList<>();
      List<String> lost = new ArrayList<>();
      List<String> misplaced = new ArrayList<>();
      List<String> mistagged = new ArrayList<>();
      List<String> baseline = new ArrayList<>();
      Map<String, String> idOfEmail = new TreeMap<>();
      int found = 0;
      Set<String> specEmails = spec.spec().accounts().stream().map(a -> lower(a.email()))
          .collect(Collectors.toSet());
      for (AccountSpec want : spec.spec().accounts()) {
        List<Account> have = byEmail.getOrDefault(lower(want.email()), List.of());
        if (have.isEmpty()) {
          lost.add(want.email());
          continue;
        }
        if (have.size() > 1) {
          duplicates.add(want.email() + " is held by " + have.stream().map(Account::id).toList());
          continue;
        }
        found++;
        Account a = have.get(0);
        idOfEmail.put(lower(want.email()), a.id());
        String place = pathOfParent.get(parentOf.get(a.id()));
        String wantPlace = want.ouPath().isRoot() ? OuPath.ROOT_NAME : want.ouPath().toString();
        if (!wantPlace.equals(place)) {
          misplaced.add(want.name() + " (" + a.id() + ") is in " + place + ", not " + wantPlace);
        }
        Map<String, String> tags = new TreeMap<>();
        orgs.listTagsForResourcePaginator(r -> r.resourceId(a.id())).stream()
            .flatMap(p -> p.tags().stream()).forEach((Tag t) -> tags.put(t.key(), t.value()));
        if (!tags.equals(want.tags())) {
          mistagged.add(want.name() + " (" + a.id() + ") has " + tags + ", not " + want.tags());
        }
        baseline.addAll(checkBaseline(sandbox, want, a.id()));
      }
      List<String> unexpected = accounts.stream()
          .filter(a -> !a.id().equals(managementId) && !specEmails.contains(lower(a.email())))
          .map(a -> a.name() + " (" + a.id() + ", " + a.email() + ")").toList();

      List<CreateAccountStatus> requests = orgs.listCreateAccountStatusPaginator(r -> r.build())
          .stream().flatMap(p -> p.createAccountStatuses().stream()).toList();
      int inFlight = (int) requests.stream()
          .filter(s -> "IN_PROGRESS".equals(s.stateAsString())).count();
      Map<String, Integer> extra = extraRequests(requests, spec);

      List<String> journalProblems = Files.exists(journal)
          ? checkJournal(journal, idOfEmail, spec)
          : List.of("no journal at " + journal);
      return new InvariantReport(spec.accounts(), found, duplicates, lost, unexpected, misplaced,
          mistagged, baseline, requests.size(), extra, inFlight, journalProblems);
    }
  }

  /**
   * The cheap part, for use between kills while the fleet is still half-built: addresses held by
   * more than one account, and addresses with more than one successful creation.
   */
  public static List<String> duplicatesNow(SandboxAccess sandbox) {
    try (OrganizationsClient orgs = client(OrganizationsClient.builder(), sandbox,
        sandbox.credentials())) {
      List<String> out = new ArrayList<>();
      orgs.listAccountsPaginator().stream().flatMap(p -> p.accounts().stream())
          .collect(Collectors.groupingBy(a -> lower(a.email()), Collectors.counting()))
          .forEach((email, n) -> {
            if (n > 1) {
              out.add(email + " is held by " + n + " accounts");
            }
          });
      orgs.listCreateAccountStatusPaginator(r -> r.build()).stream()
          .flatMap(p -> p.createAccountStatuses().stream())
          .filter(s -> "SUCCEEDED".equals(s.stateAsString()))
          .collect(Collectors.groupingBy(s -> s.accountName(), Collectors.counting()))
          .forEach((name, n) -> {
            if (n > 1) {
              out.add(name + " was created " + n + " times");
            }
          });
      return out;
    }
  }

  private static void walk(OrganizationsClient orgs, String parentId, String path,
      Map<String, String> pathOf, Map<String, String> parentOf, List<Account> accounts) {
    orgs.listAccountsForParentPaginator(r -> r.parentId(parentId)).stream()
        .flatMap(p -> p.accounts().stream()).forEach(a -> {
          accounts.add(a);
          parentOf.put(a.id(), parentId);
        });
    List<OrganizationalUnit> children = orgs.listOrganizationalUnitsForParentPaginator(
        r -> r.parentId(parentId)).stream().flatMap(p -> p.organizationalUnits().stream())
        .toList();
    for (OrganizationalUnit ou : children) {
      String childPath = path.equals(OuPath.ROOT_NAME) ? ou.name() : path + "/" + ou.name();
      pathOf.put(ou.id(), childPath);
      walk(orgs, ou.id(), childPath, pathOf, parentOf, accounts);
    }
  }

  /** Requests beyond one success per spec account name, keyed by how they ended. */
  private static Map<String, Integer> extraRequests(List<CreateAccountStatus> requests,
      TortureSpec spec) {
    Map<String, Integer> extra = new TreeMap<>();
    Map<String, Integer> successes = new HashMap<>();
    for (CreateAccountStatus s : requests) {
      String state = s.stateAsString();
      if ("SUCCEEDED".equals(state)) {
        int n = successes.merge(s.accountName(), 1, Integer::sum);
        if (n > 1 || spec.spec().account(s.accountName()).isEmpty()) {
          extra.merge("SUCCEEDED", 1, Integer::sum);
        }
      } else if ("FAILED".equals(state)) {
        extra.merge("FAILED:" + s.failureReasonAsString(), 1, Integer::sum);
      }
    }
    return extra;
  }

  private static List<String> checkBaseline(SandboxAccess sandbox, AccountSpec want,
      String accountId) {
    List<String> out = new ArrayList<>();
    String who = want.name() + " (" + accountId + ")";
    StaticCredentialsProvider member;
    try (StsClient sts = client(StsClient.builder(), sandbox, sandbox.credentials())) {
      Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + accountId + ":role/"
          + want.roleName()).roleSessionName("invariants")).credentials();
      member = StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(),
          c.secretAccessKey(), c.sessionToken()));
    } catch (RuntimeException e) {
      return List.of(who + ": cannot enter through " + want.roleName() + ": " + e.getMessage());
    }
    String topicArn = "arn:aws:sns:us-east-1:" + accountId + ":" + TortureSpec.TOPIC_NAME;
    try (SnsClient sns = client(SnsClient.builder(), sandbox, member);
        CloudWatchClient cloudWatch = client(CloudWatchClient.builder(), sandbox, member)) {
      try {
        sns.getTopicAttributes(r -> r.topicArn(topicArn));
        List<Subscription> subs = sns.listSubscriptionsByTopicPaginator(
            r -> r.topicArn(topicArn)).subscriptions().stream().toList();
        long matching = subs.stream().filter(s -> "email".equals(s.protocol())
            && TortureSpec.ALARM_EMAIL.equalsIgnoreCase(s.endpoint())).count();
        if (matching != 1 || subs.size() != 1) {
          out.add(who + ": topic has " + subs.size() + " subscription(s), " + matching
              + " for " + TortureSpec.ALARM_EMAIL + "; want exactly that one");
        }
      } catch (NotFoundException e) {
        out.add(who + ": no SNS topic " + TortureSpec.TOPIC_NAME);
      }
      List<MetricAlarm> alarms = cloudWatch.describeAlarms(
          r -> r.alarmNames(TortureSpec.ALARM_NAME)).metricAlarms();
      if (alarms.size() != 1) {
        out.add(who + ": " + alarms.size() + " alarms named " + TortureSpec.ALARM_NAME);
      } else {
        MetricAlarm a = alarms.get(0);
        String got = a.namespace() + " " + a.metricName() + " " + a.statisticAsString() + " "
            + a.dimensions().stream().map(d -> d.name() + "=" + d.value()).toList() + " "
            + a.period() + "s x" + a.evaluationPeriods() + " " + a.comparisonOperatorAsString()
            + " " + a.threshold() + " -> " + a.alarmActions() + " enabled=" + a.actionsEnabled();
        String wantText = "AWS/Billing EstimatedCharges Maximum [Currency=USD] 21600s x1"
            + " GreaterThanOrEqualToThreshold " + TortureSpec.ALARM_THRESHOLD + " -> ["
            + topicArn + "] enabled=true";
        if (!got.equals(wantText)) {
          out.add(who + ": alarm is " + got + "; want " + wantText);
        }
      }
    } catch (RuntimeException e) {
      out.add(who + ": cannot read the baseline: " + e.getMessage());
    }
    return out;
  }

  private static List<String> checkJournal(Path file, Map<String, String> idOfEmail,
      TortureSpec spec) {
    List<String> out = new ArrayList<>();
    Map<String, String> recorded = new TreeMap<>();
    try (Journal journal = Journal.open(file, Clock.systemUTC())) {
      for (Journal.Run run : journal.runs(Integer.MAX_VALUE)) {
        if ("RUNNING".equals(run.status())) {
          out.add("run " + run.id() + " (" + run.command() + ") is still RUNNING");
        }
        for (Journal.Action a : journal.actionsOf(run.id())) {
          if ("INTENT".equals(a.state()) || "REQUESTED".equals(a.state())) {
            out.add("run " + run.id() + " action " + a.id() + " " + a.kind() + " " + a.target()
                + " is still " + a.state());
          }
          boolean creation = a.kind().equals("CreateAccount")
              || a.kind().equals("AwaitCreation");
          if (creation && "DONE".equals(a.state()) && a.email() != null) {
            String inAws = idOfEmail.get(lower(a.email()));
            if (a.accountId() == null || !a.accountId().equals(inAws)) {
              out.add("run " + run.id() + " action " + a.id() + " records " + a.email() + " as "
                  + a.accountId() + ", AWS has " + inAws);
            }
            recorded.put(lower(a.email()), a.accountId());
          }
        }
      }
    }
    for (AccountSpec account : spec.spec().accounts()) {
      String id = idOfEmail.get(lower(account.email()));
      if (id != null && !recorded.containsKey(lower(account.email()))) {
        out.add(account.name() + " (" + id + ") exists but no finished journal action records"
            + " its creation");
      }
    }
    return out;
  }

  static <B extends AwsClientBuilder<B, C>, C> C client(B builder, SandboxAccess sandbox,
      StaticCredentialsProvider credentials) {
    return builder.endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(credentials)
        .overrideConfiguration(ClientOverrideConfiguration.builder()
            .retryStrategy(b -> b.maxAttempts(1)).build())
        .build();
  }

  private static String lower(String email) {
    return email.toLowerCase(Locale.ROOT);
  }
}
