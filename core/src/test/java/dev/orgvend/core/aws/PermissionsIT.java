package dev.orgvend.core.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.core.apply.Applier;
import dev.orgvend.core.apply.ApplyOptions;
import dev.orgvend.core.apply.Outcome;
import dev.orgvend.core.apply.Progress;
import dev.orgvend.core.journal.Journal;
import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.live.OrganizationReader;
import dev.orgvend.core.plan.Plan;
import dev.orgvend.core.plan.Planner;
import dev.orgvend.core.spec.AccountSpec;
import dev.orgvend.core.spec.Spec;
import dev.orgvend.core.spec.SpecLoader;
import dev.orgvend.core.spec.SpecResult;
import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Runs real applies against the sandbox (create, move, retag, and a creation AWS refuses) and
 * checks that every operation the caller counted is in {@link Permissions}, so the policy that
 * {@code orgvend permissions} prints cannot fall behind the code.
 */
class PermissionsIT {
  private static final String FIRST = """
      version: 1
      organization:
        units:
          - name: Apps
            units:
              - name: Prod
      accounts:
        - name: perm-web
          email: perm-web@example.com
          ou: Apps/Prod
          tags: {team: web, tier: front}
        - name: perm-db
          email: perm-db@example.com
        - name: perm-taken
          email: perm-taken@example.com
      """;
  /** perm-web moves up to Apps, gets a new tag value and loses one; perm-taken is dropped. */
  private static final String SECOND = """
      version: 1
      organization:
        units:
          - name: Apps
            units:
              - name: Prod
      accounts:
        - name: perm-web
          email: perm-web@example.com
          ou: Apps
          tags: {team: platform}
        - name: perm-db
          email: perm-db@example.com
      """;

  @TempDir Path dir;
  private Sandbox sandbox;
  private AwsClients clients;
  private ExecutorService pool;

  @BeforeEach
  void start() {
    sandbox = Sandbox.builder().port(0).seed(11)
        .settings(SandboxSettings.defaults().withCreateAccountDelay(Duration.ofMillis(200)))
        .start();
    // An address that belongs to an account outside the organization: CreateAccount fails
    // with EMAIL_ALREADY_EXISTS and apply looks for the account before giving up.
    sandbox.seedTakenEmails(List.of("perm-taken@example.com"));
    var keys = sandbox.managementCredentials();
    clients = new AwsClients(new AwsTarget("us-east-1", sandbox.endpoint(), null,
        StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.accessKeyId(),
            keys.secretAccessKey()))));
    pool = Executors.newFixedThreadPool(8);
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
    clients.close();
    sandbox.close();
  }

  private static Spec spec(String yaml) {
    SpecResult result = SpecLoader.create().parse("orgvend.yaml", yaml);
    assertThat(result).isInstanceOf(SpecResult.Valid.class);
    return ((SpecResult.Valid) result).spec();
  }

  private LiveOrganization read(AwsCaller caller, Spec spec) {
    Set<String> emails = spec.accounts().stream().map(AccountSpec::email)
        .collect(Collectors.toSet());
    return new OrganizationReader(clients.organizations(), caller, pool)
        .read(a -> emails.contains(a.email()));
  }

  private List<Outcome> apply(AwsCaller caller, Journal journal, Spec spec) {
    LiveOrganization live = read(caller, spec);
    Plan plan = Planner.plan(spec, live);
    long run = journal.startRun("apply", "orgvend.yaml", live.id());
    return new Applier(clients, caller, journal, Progress.silent(),
        ApplyOptions.defaults(5, "orgvend-it"), pool, Clock.systemUTC()).apply(plan, live, run);
  }

  @Test
  void apply_callsOnlyOperationsThePolicyGrants() {
    AwsCaller caller = AwsCaller.standard(RateTable.unlimited());
    try (Journal journal = Journal.open(dir.resolve("journal.db"), Clock.systemUTC())) {
      List<Outcome> first = apply(caller, journal, spec(FIRST));
      List<Outcome> second = apply(caller, journal, spec(SECOND));

      assertThat(first).filteredOn(o -> !o.ok()).extracting(Outcome::subject)
          .containsExactly("perm-taken");
      assertThat(second).extracting(Outcome::action)
          .containsExactlyInAnyOrder("move-account", "retag-account");
      assertThat(second).allMatch(Outcome::ok);
    }

    Set<String> called = caller.stats().callsByOperation().keySet();
    // The scenario reaches every corner it is meant to; otherwise the check below proves little.
    assertThat(called).contains("CreateOrganizationalUnit", "CreateAccount",
        "DescribeCreateAccountStatus", "ListAccounts", "ListParents", "MoveAccount",
        "TagResource", "UntagResource", "AssumeRole");
    assertThat(called).allSatisfy(op -> assertThat(Permissions.of(op))
        .as("Permissions lists %s", op).isPresent());
    String policy = Permissions.policy(List.of("OrganizationAccountAccessRole"), false);
    assertThat(called).allSatisfy(op -> Permissions.of(op).orElseThrow().actions()
        .forEach(action -> assertThat(policy).contains("\"" + action + "\"")));
  }

  @Test
  void plan_callsOnlyOperationsTheReadOnlyPolicyGrants() {
    AwsCaller applying = AwsCaller.standard(RateTable.unlimited());
    try (Journal journal = Journal.open(dir.resolve("journal.db"), Clock.systemUTC())) {
      apply(applying, journal, spec(SECOND));
    }
    AwsCaller planning = AwsCaller.standard(RateTable.unlimited());

    Planner.plan(spec(FIRST), read(planning, spec(FIRST)));

    Set<String> called = planning.stats().callsByOperation().keySet();
    assertThat(called).contains("ListTagsForResource", "ListAccountsForParent");
    assertThat(called).allSatisfy(op -> assertThat(Permissions.of(op))
        .hasValueSatisfying(g -> assertThat(g.need()).isEqualTo(Permissions.Need.PLAN)));
    assertThat(called.stream().flatMap(op -> Permissions.of(op).orElseThrow().actions().stream()))
        .allSatisfy(action -> assertThat(Permissions.actions(true)).contains(action));
  }
}
