package dev.orgvend.sandbox.cloudwatch;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A metric alarm in one account and region: what the owner configured, what state it is in, and
 * when each last changed. Updating the configuration keeps the state.
 */
record MetricAlarm(
    String accountId,
    String region,
    String arn,
    Config config,
    State state,
    Map<String, String> tags,
    Instant configurationUpdatedAt) {

  MetricAlarm {
    tags = Collections.unmodifiableMap(new TreeMap<>(tags));
  }

  String name() {
    return config.alarmName();
  }

  static String key(String accountId, String region, String name) {
    return accountId + "/" + region + "/" + name;
  }

  String key() {
    return key(accountId, region, name());
  }

  MetricAlarm withState(State newState) {
    return new MetricAlarm(accountId, region, arn, config, newState, tags,
        configurationUpdatedAt);
  }

  MetricAlarm withConfig(Config newConfig, Instant at) {
    return new MetricAlarm(accountId, region, arn, newConfig, state, tags, at);
  }

  /** Everything PutMetricAlarm sets. Optional members are null when not given. */
  record Config(
      String alarmName,
      String description,
      boolean actionsEnabled,
      List<String> okActions,
      List<String> alarmActions,
      List<String> insufficientDataActions,
      String metricName,
      String namespace,
      String statistic,
      String extendedStatistic,
      List<Dimension> dimensions,
      int period,
      String unit,
      int evaluationPeriods,
      Integer datapointsToAlarm,
      double threshold,
      String comparisonOperator,
      String treatMissingData,
      String evaluateLowSampleCountPercentile) {

    Config {
      okActions = List.copyOf(okActions);
      alarmActions = List.copyOf(alarmActions);
      insufficientDataActions = List.copyOf(insufficientDataActions);
      dimensions = List.copyOf(dimensions);
    }

    boolean hasActionStartingWith(String prefix) {
      return okActions.stream().anyMatch(a -> a.startsWith(prefix))
          || alarmActions.stream().anyMatch(a -> a.startsWith(prefix))
          || insufficientDataActions.stream().anyMatch(a -> a.startsWith(prefix));
    }
  }

  record Dimension(String name, String value) {}

  /**
   * @param updatedAt when the state value or reason last changed
   * @param transitionedAt when the state value last changed
   */
  record State(String value, String reason, String reasonData, Instant updatedAt,
      Instant transitionedAt) {

    static State initial(Instant now) {
      return new State("INSUFFICIENT_DATA", "Unchecked: Initial alarm creation", null, now, now);
    }

    State set(String newValue, String newReason, String newReasonData, Instant now) {
      Instant transitioned = newValue.equals(value) ? transitionedAt : now;
      return new State(newValue, newReason, newReasonData, now, transitioned);
    }
  }
}
