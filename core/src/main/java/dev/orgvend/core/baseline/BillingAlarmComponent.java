package dev.orgvend.core.baseline;

import dev.orgvend.core.spec.AwsValues;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.sns.model.ListSubscriptionsByTopicResponse;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * {@code billingAlarm}: an SNS topic with e-mail subscriptions and a CloudWatch alarm on the
 * account's estimated charges, as in AWS's own account-vending walkthrough. Billing metrics exist
 * only in us-east-1, so everything is made there whatever the spec's region.
 *
 * <pre>{@code
 * billingAlarm:
 *   email: finance@example.com        # or a list of addresses; required
 *   threshold: 100                    # in the currency below (default 100)
 *   currency: USD                     # default USD
 *   topicName: DefaultBillingAlertTopic
 *   alarmName: DefaultBillingAlarm
 *   description: ...                  # default: the alarm name
 * }</pre>
 */
final class BillingAlarmComponent
    implements BaselineComponent<BillingAlarmComponent.Settings, BillingAlarmComponent.State> {
  static final String NAME = "billingAlarm";
  static final String REGION = "us-east-1";
  static final String NAMESPACE = "AWS/Billing";
  static final String METRIC = "EstimatedCharges";
  /** Billing data arrives a few times a day; six hours is the period AWS's examples use. */
  static final int PERIOD_SECONDS = 21_600;
  static final int EVALUATION_PERIODS = 1;
  /** How ListSubscriptionsByTopic shows a subscription nobody has confirmed yet. */
  static final String PENDING = "PendingConfirmation";

  /** The checked settings. */
  record Settings(List<String> emails, double threshold, String currency, String topicName,
      String alarmName, String description) {}

  /**
   * What the account has: whether the topic exists, which of the wanted addresses are
   * subscribed (lower-cased address to confirmed or not), and the alarm if there is one.
   */
  record State(String topicArn, boolean topicExists, Map<String, Boolean> subscriptions,
      MetricAlarm alarm) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Settings configure(ConfigReader s) {
    if (!s.mapping("email", "threshold", "currency", "topicName", "alarmName", "description")) {
      return null;
    }
    List<String> emails = s.texts("email");
    if (emails == null && !s.has("email")) {
      s.problem("missing required setting \"email\": the address the alarm notifies");
    }
    if (emails != null) {
      for (String e : emails) {
        String problem = AwsValues.alarmEmail(e);
        if (problem != null) {
          s.problem("email", problem);
        }
      }
    }
    Double threshold = s.number("threshold", 0, 1e12);
    String currency = s.checked("currency", AwsValues::currency);
    String topic = s.checked("topicName", AwsValues::topicName);
    String alarm = s.checked("alarmName", AwsValues::alarmName);
    String description = s.checked("description", AwsValues::alarmDescription);
    if (!s.clean()) {
      return null;
    }
    String alarmName = ConfigReader.orElse(alarm, "DefaultBillingAlarm");
    return new Settings(List.copyOf(emails), ConfigReader.orElse(threshold, 100.0),
        ConfigReader.orElse(currency, "USD"),
        ConfigReader.orElse(topic, "DefaultBillingAlertTopic"), alarmName,
        ConfigReader.orElse(description, alarmName));
  }

  @Override
  public State read(MemberAccount account, Settings want) {
    String topicArn = "arn:aws:sns:" + REGION + ":" + account.id() + ":" + want.topicName();
    var sns = account.sns(REGION);
    boolean exists;
    try {
      account.call("GetTopicAttributes", () -> sns.getTopicAttributes(
          r -> r.topicArn(topicArn).overrideConfiguration(account.auth())));
      exists = true;
    } catch (NotFoundException e) {
      exists = false;
    }
    Map<String, Boolean> subscriptions = new LinkedHashMap<>();
    if (exists) {
      String token = null;
      do {
        String t = token;
        ListSubscriptionsByTopicResponse page = account.call("ListSubscriptionsByTopic",
            () -> sns.listSubscriptionsByTopic(r -> r.topicArn(topicArn).nextToken(t)
                .overrideConfiguration(account.auth())));
        for (Subscription sub : page.subscriptions()) {
          if ("email".equals(sub.protocol()) && sub.endpoint() != null) {
            subscriptions.merge(lower(sub.endpoint()), !PENDING.equals(sub.subscriptionArn()),
                Boolean::logicalOr);
          }
        }
        token = page.nextToken();
      } while (token != null);
    }
    var cloudWatch = account.cloudWatch(REGION);
    List<MetricAlarm> alarms = account.call("DescribeAlarms", () -> cloudWatch.describeAlarms(
        r -> r.alarmNames(want.alarmName()).overrideConfiguration(account.auth())))
        .metricAlarms();
    return new State(topicArn, exists, subscriptions, alarms.isEmpty() ? null : alarms.get(0));
  }

  @Override
  public List<Finding> diff(Settings want, State have) {
    List<Finding> out = new ArrayList<>();
    String topic = "topic " + want.topicName();
    if (!have.topicExists()) {
      out.add(Finding.missing(NAME, topic, "SNS topic " + want.topicName() + " does not exist in "
          + REGION));
    }
    for (String email : want.emails()) {
      Boolean confirmed = have.subscriptions().get(lower(email));
      if (confirmed == null) {
        out.add(Finding.missing(NAME, "subscription " + email, topic + " has no e-mail"
            + " subscription for " + email));
      } else if (!confirmed) {
        out.add(Finding.notice(NAME, "subscription " + email, "the subscription of " + email
            + " to " + topic + " is pending confirmation: the recipient must follow the link in"
            + " the e-mail from AWS Notifications, or alerts are not delivered"));
      }
    }
    out.addAll(alarmDifferences(want, have));
    return out;
  }

  private static List<Finding> alarmDifferences(Settings want, State have) {
    String subject = "alarm " + want.alarmName();
    MetricAlarm a = have.alarm();
    if (a == null) {
      return List.of(Finding.missing(NAME, subject, "CloudWatch alarm " + want.alarmName()
          + " does not exist in " + REGION));
    }
    List<Finding> out = new ArrayList<>();
    check(out, subject, "namespace", a.namespace(), NAMESPACE);
    check(out, subject, "metric", a.metricName(), METRIC);
    check(out, subject, "statistic", a.statisticAsString(), Statistic.MAXIMUM.toString());
    check(out, subject, "dimensions", dimensions(a.dimensions()), "Currency=" + want.currency());
    check(out, subject, "period", a.period(), PERIOD_SECONDS);
    check(out, subject, "evaluation periods", a.evaluationPeriods(), EVALUATION_PERIODS);
    check(out, subject, "threshold", plain(a.threshold()), plain(want.threshold()));
    check(out, subject, "comparison", a.comparisonOperatorAsString(),
        ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD.toString());
    check(out, subject, "alarm actions", a.alarmActions(), List.of(have.topicArn()));
    check(out, subject, "actions enabled", a.actionsEnabled(), true);
    check(out, subject, "description", a.alarmDescription(), want.description());
    return out;
  }

  private static void check(List<Finding> out, String subject, String field, Object actual,
      Object expected) {
    if (!Objects.equals(actual, expected)) {
      out.add(Finding.differs(NAME, subject, field, actual, expected));
    }
  }

  @Override
  public void apply(MemberAccount account, Settings want, State have) {
    var sns = account.sns(REGION);
    String topicArn = have.topicArn();
    if (!have.topicExists()) {
      topicArn = account.call("CreateTopic", () -> sns.createTopic(r -> r
          .name(want.topicName()).overrideConfiguration(account.auth()))).topicArn();
    }
    for (String email : want.emails()) {
      if (!have.subscriptions().containsKey(lower(email))) {
        String arn = topicArn;
        account.call("Subscribe", () -> sns.subscribe(r -> r.topicArn(arn).protocol("email")
            .endpoint(email).overrideConfiguration(account.auth())));
      }
    }
    State current = new State(topicArn, true, have.subscriptions(), have.alarm());
    if (!alarmDifferences(want, current).isEmpty()) {
      String arn = topicArn;
      var cloudWatch = account.cloudWatch(REGION);
      account.call("PutMetricAlarm", () -> cloudWatch.putMetricAlarm(r -> r
          .alarmName(want.alarmName())
          .alarmDescription(want.description())
          .actionsEnabled(true)
          .alarmActions(arn)
          .namespace(NAMESPACE)
          .metricName(METRIC)
          .statistic(Statistic.MAXIMUM)
          .dimensions(Dimension.builder().name("Currency").value(want.currency()).build())
          .period(PERIOD_SECONDS)
          .evaluationPeriods(EVALUATION_PERIODS)
          .threshold(want.threshold())
          .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
          .overrideConfiguration(account.auth())));
    }
  }

  @Override
  public List<String> reminders(Settings want) {
    return List.of("billingAlarm: CloudWatch publishes billing metrics only in us-east-1 and"
        + " only once \"Receive CloudWatch billing alerts\" is turned on in the Billing"
        + " preferences of the organization's management (payer) account; until then the"
        + " alarms stay INSUFFICIENT_DATA. E-mail subscriptions deliver nothing until confirmed.");
  }

  private static String dimensions(List<Dimension> dimensions) {
    return String.join(",", dimensions.stream().map(d -> d.name() + "=" + d.value()).toList());
  }

  private static String plain(Double d) {
    if (d == null) {
      return null;
    }
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
  }

  private static String lower(String email) {
    return email.toLowerCase(Locale.ROOT);
  }
}
