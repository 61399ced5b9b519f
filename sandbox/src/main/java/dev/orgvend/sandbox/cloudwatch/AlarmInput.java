package dev.orgvend.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orgvend.sandbox.cloudwatch.MetricAlarm.Config;
import dev.orgvend.sandbox.cloudwatch.MetricAlarm.Dimension;
import dev.orgvend.sandbox.protocol.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks a PutMetricAlarm request. Only alarms on one metric are supported; metric math
 * ({@code Metrics}) and anomaly-detection thresholds ({@code ThresholdMetricId}) are refused.
 */
final class AlarmInput {
  static final List<String> STATISTICS =
      List.of("SampleCount", "Average", "Sum", "Minimum", "Maximum");
  static final List<String> OPERATORS = List.of("GreaterThanOrEqualToThreshold",
      "GreaterThanThreshold", "LessThanThreshold", "LessThanOrEqualToThreshold",
      "LessThanLowerOrGreaterThanUpperThreshold", "LessThanLowerThreshold",
      "GreaterThanUpperThreshold");
  private static final Set<String> ANOMALY_OPERATORS = Set.of(
      "LessThanLowerOrGreaterThanUpperThreshold", "LessThanLowerThreshold",
      "GreaterThanUpperThreshold");
  private static final List<String> UNITS = List.of("Seconds", "Microseconds", "Milliseconds",
      "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits",
      "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second",
      "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
      "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second",
      "Count/Second", "None");
  private static final Set<String> MISSING_DATA =
      Set.of("breaching", "notBreaching", "ignore", "missing");
  private static final Pattern NAMESPACE = Pattern.compile("[^:].*");
  private static final Pattern PERCENTILE =
      Pattern.compile("p(\\d{1,2}(\\.\\d{1,10})?|100)|(tm|wm|tc|ts)\\d{1,2}(\\.\\d{1,10})?"
          + "|(TM|WM|TC|TS|PR)\\(.+\\)");
  private static final Pattern ACTION_ARN = Pattern.compile("arn:[a-z-]+:[a-z0-9-]+:.*");
  private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");
  static final int MAX_ACTIONS = 5;

  private AlarmInput() {}

  static Config read(Params p) {
    String name = p.text("AlarmName").required().length(1, 255).get();
    String description = p.text("AlarmDescription").length(0, 1024).get();
    boolean actionsEnabled = p.bool("ActionsEnabled", true);
    List<String> ok = actions(p, "OKActions");
    List<String> alarm = actions(p, "AlarmActions");
    List<String> insufficient = actions(p, "InsufficientDataActions");
    if (p.has("Metrics") || p.has("ThresholdMetricId")) {
      throw CloudWatchErrors.invalidValue("The sandbox supports alarms on a single metric only:"
          + " Metrics and ThresholdMetricId are not supported.");
    }
    String metricName = p.text("MetricName").required().length(1, 255).get();
    String namespace = p.text("Namespace").required().length(1, 255).pattern(NAMESPACE).get();
    String statistic = p.text("Statistic").oneOf(STATISTICS).get();
    String extended = p.text("ExtendedStatistic").get();
    List<Dimension> dimensions = dimensions(p);
    int period = p.integer("Period").required().range(1, Integer.MAX_VALUE).get();
    String unit = p.text("Unit").oneOf(UNITS).get();
    int evaluationPeriods =
        p.integer("EvaluationPeriods").required().range(1, Integer.MAX_VALUE).get();
    Integer datapoints = p.integer("DatapointsToAlarm").range(1, Integer.MAX_VALUE).get();
    Double threshold = p.decimal("Threshold");
    if (threshold == null) {
      throw CloudWatchErrors.missingParameter("Threshold");
    }
    String operator = p.text("ComparisonOperator").required().oneOf(OPERATORS).get();
    String missingData = p.text("TreatMissingData").length(1, 255).get();
    String lowSample = p.text("EvaluateLowSampleCountPercentile").length(1, 255).get();

    if (statistic == null && extended == null) {
      throw CloudWatchErrors.missingParameter("Statistic");
    }
    if (statistic != null && extended != null) {
      throw CloudWatchErrors.invalidCombination(
          "Only one of Statistic and ExtendedStatistic may be given.");
    }
    if (extended != null && !PERCENTILE.matcher(extended).matches()) {
      throw CloudWatchErrors.invalidValue("The value " + extended
          + " for parameter ExtendedStatistic is not supported.");
    }
    checkPeriods(period, evaluationPeriods, datapoints);
    if (ANOMALY_OPERATORS.contains(operator)) {
      throw CloudWatchErrors.invalidValue("Comparison operator " + operator
          + " is only valid for anomaly detection alarms, which need ThresholdMetricId.");
    }
    if (missingData != null && !MISSING_DATA.contains(missingData)) {
      throw CloudWatchErrors.invalidValue("The value " + missingData
          + " for parameter TreatMissingData is not supported.");
    }
    if (lowSample != null && !lowSample.equals("evaluate") && !lowSample.equals("ignore")) {
      throw CloudWatchErrors.invalidValue("The value " + lowSample
          + " for parameter EvaluateLowSampleCountPercentile is not supported.");
    }
    return new Config(name, description, actionsEnabled, ok, alarm, insufficient, metricName,
        namespace, statistic, extended, dimensions, period, unit, evaluationPeriods, datapoints,
        threshold, operator, missingData, lowSample);
  }

  private static void checkPeriods(int period, int evaluationPeriods, Integer datapoints) {
    if (period != 10 && period != 20 && period != 30 && period % 60 != 0) {
      throw CloudWatchErrors.invalidValue(
          "The parameter Period must be 10, 20, 30 or a multiple of 60.");
    }
    // An alarm looks back at most one day, or seven days when its period is an hour or more.
    long window = (long) period * evaluationPeriods;
    long limit = period >= 3600 ? 604_800 : 86_400;
    if (window > limit) {
      throw CloudWatchErrors.invalidValue("Period multiplied by EvaluationPeriods must not"
          + " exceed " + limit + " seconds.");
    }
    if (datapoints != null && datapoints > evaluationPeriods) {
      throw CloudWatchErrors.invalidValue(
          "DatapointsToAlarm must be less than or equal to EvaluationPeriods.");
    }
  }

  /** Tags, which PutMetricAlarm applies only when it creates the alarm. */
  static Map<String, String> tags(Params p) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (JsonNode item : p.list("Tags", 50)) {
      Params tag = p.of(item, "Tags");
      String key = tag.text("Key").required().length(1, 128).pattern(TAG_TEXT).get();
      String value = tag.text("Value").required().length(0, 256).pattern(TAG_TEXT).get();
      tags.put(key, value);
    }
    return tags;
  }

  private static List<String> actions(Params p, String member) {
    List<String> actions = p.strings(member, MAX_ACTIONS);
    for (String action : actions) {
      if (action.isEmpty() || action.length() > 1024 || !ACTION_ARN.matcher(action).matches()) {
        throw CloudWatchErrors.invalidValue("Invalid arn syntax: " + action);
      }
    }
    return new ArrayList<>(actions);
  }

  private static List<Dimension> dimensions(Params p) {
    List<Dimension> out = new ArrayList<>();
    for (JsonNode item : p.list("Dimensions", 30)) {
      Params d = p.of(item, "Dimensions");
      String name = d.text("Name").required().length(1, 255).get();
      String value = d.text("Value").required().length(1, 1024).get();
      if (out.stream().anyMatch(x -> x.name().equals(name))) {
        throw CloudWatchErrors.invalidValue("The collection Dimensions must not contain"
            + " duplicate names: " + name);
      }
      out.add(new Dimension(name, value));
    }
    return out;
  }
}
