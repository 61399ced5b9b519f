package dev.orgvend.core.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orgvend.core.aws.AwsCaller;
import dev.orgvend.core.aws.RateTable;
import dev.orgvend.core.live.LiveOrganization;
import dev.orgvend.core.live.OrganizationReader;
import dev.orgvend.core.plan.Change;
import dev.orgvend.core.plan.Plan;
import dev.orgvend.core.plan.Planner;
import dev.orgvend.core.spec.Spec;
import dev.orgvend.core.spec.SpecLoader;
import dev.orgvend.core.spec.SpecResult;
import dev.orgvend.core.time.Ticker;
import dev.orgvend.sandbox.Sandbox;
import dev.orgvend.sandbox.SandboxSettings;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;

/**
 * Reading the organization while a creation finishes. The reader asks for the accounts and for
 * the creations in flight in two calls; a creation that finishes between them must show up in
 * one of the two, or the plan requests the account a second time: a rerun right after a kill
 * would plan CreateAccount for an account that was just being made, and AWS would refuse the
 * extra request with EMAIL_ALREADY_EXISTS (orgvend then adopts the account, so no duplicate, but
 * the plan was wrong). Before the fix the reader listed accounts first and missed it.
 */
class OrganizationReaderIT {
  private static final Spec SPEC = ((SpecResult.Valid) SpecLoader.create().parse("r.yaml", """
      version: 1
      accounts:
        - name: racing
          email: racing@example.com
      """)).spec();

  @Test
  void read_whenACreationFinishesBetweenTheTwoListings_seesItInFlightOrAsAnAccount() {
    SandboxSettings settings = SandboxSettings.defaults()
        .withCreateAccountDelay(Duration.ofHours(1));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (Sandbox sandbox = Sandbox.builder().port(0).settings(settings).start()) {
      AtomicBoolean finished = new AtomicBoolean();
      // The moment the first of the two listings is answered, the hour passes and the
      // creation succeeds, before the second listing is asked.
      ExecutionInterceptor finishCreationInBetween = new ExecutionInterceptor() {
        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attrs) {
          String operation = attrs.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
          if ((operation.equals("ListAccountsForParent")
              || operation.equals("ListCreateAccountStatus"))
              && finished.compareAndSet(false, true)) {
            sandbox.advanceClock(Duration.ofHours(2));
          }
        }
      };
      var keys = sandbox.managementCredentials();
      try (OrganizationsClient orgs = OrganizationsClient.builder()
          .endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
              keys.accessKeyId(), keys.secretAccessKey())))
          .overrideConfiguration(ClientOverrideConfiguration.builder()
              .retryStrategy(b -> b.maxAttempts(1))
              .addExecutionInterceptor(finishCreationInBetween).build())
          .build()) {
        orgs.createAccount(r -> r.accountName("racing").email("racing@example.com"));

        LiveOrganization live = new OrganizationReader(orgs,
            AwsCaller.standard(RateTable.unlimited(), Ticker.system(),
            new Random(1)), pool).read(a -> true);
        Plan plan = Planner.plan(SPEC, live);

        assertThat(finished).isTrue();
        assertThat(live.accountByEmail("racing@example.com").isPresent()
            || live.inFlight().stream().anyMatch(c -> c.accountName().equals("racing")))
            .as("the creation is seen either in flight or as an account: %s", live).isTrue();
        assertThat(plan.changes()).noneMatch(Change.CreateAccount.class::isInstance);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
