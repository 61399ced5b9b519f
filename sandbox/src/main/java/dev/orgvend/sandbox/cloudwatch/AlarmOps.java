package dev.orgvend.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orgvend.sandbox.cloudwatch.MetricAlarm.Config;
import dev.orgvend.sandbox.cloudwatch.MetricAlarm.State;
import dev.orgvend.sandbox.protocol.Call;
import dev.orgvend.sandbox.protocol.Cursor;
import dev.orgvend.sandbox.protocol.Nodes;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Params;
import dev.orgvend.sandbox.state.Store;
import dev.orgvend.sandbox.state.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * PutMetricAlarm, DescribeAlarms, DeleteAlarms and SetAlarmState, in the caller's account and
 * region. Alarms are never evaluated: they stay in the state they were created or set in.
 */
final class AlarmOps {
  private static final List<String> STATES = List.of("OK", "ALARM", "INSUFFICIENT_DATA");
  private static final List<String> ALARM_TYPES = List.of("CompositeAlarm", "MetricAlarm");

  private final Table<MetricAlarm> alarms;
  private final int alarmQuota;

  AlarmOps(Store store, int alarmQuota) {
    this.alarms = store.table("cloudwatch.alarm", MetricAlarm.class);
    this.alarmQuota = alarmQuota;
  }

  Map<String, Operation> operations() {
    return Map.of(
        "PutMetricAlarm", this::putMetricAlarm,
        "DescribeAlarms", this::describeAlarms,
        "DeleteAlarms", this::deleteAlarms,
        "SetAlarmState", this::setAlarmState);
  }

  private List<MetricAlarm> inScope(Call call) {
    return alarms.where(a -> a.accountId().equals(call.accountId())
        && a.region().equals(call.region()));
  }

  private JsonNode putMetricAlarm(Call call) {
    Params p = call.params();
    Config config = AlarmInput.read(p);
    Map<String, String> tags = AlarmInput.tags(p);
    String key = MetricAlarm.key(call.accountId(), call.region(), config.alarmName());
    MetricAlarm existing = alarms.get(key);
    if (existing != null) {
      // An update replaces the configuration but keeps the state, and ignores tags.
      alarms.put(key, existing.withConfig(config, call.now()));
      return null;
    }
    if (inScope(call).size() >= alarmQuota) {
      throw CloudWatchErrors.alarmLimitExceeded(alarmQuota);
    }
    String arn = "arn:aws:cloudwatch:" + call.region() + ":" + call.accountId() + ":alarm:"
        + config.alarmName();
    alarms.put(key, new MetricAlarm(call.accountId(), call.region(), arn, config,
        State.initial(call.now()), tags, call.now()));
    return null;
  }

  private JsonNode describeAlarms(Call call) {
    Params p = call.params();
    List<String> names = p.strings("AlarmNames", 100);
    for (String name : names) {
      if (name.isEmpty() || name.length() > 255) {
        throw p.rules().reject(new Params.Violation("AlarmNames", name, Params.Kind.TOO_LONG,
            "have length between 1 and 255"));
      }
    }
    String prefix = p.text("AlarmNamePrefix").length(1, 255).get();
    List<String> types = p.strings("AlarmTypes", 2);
    for (String type : types) {
      if (!ALARM_TYPES.contains(type)) {
        throw p.rules().reject(new Params.Violation("AlarmTypes", type, Params.Kind.ENUM,
            "satisfy enum value set: " + ALARM_TYPES));
      }
    }
    String children = p.text("ChildrenOfAlarmName").length(1, 255).get();
    String parents = p.text("ParentsOfAlarmName").length(1, 255).get();
    String state = p.text("StateValue").oneOf(STATES).get();
    String actionPrefix = p.text("ActionPrefix").length(1, 1024).get();
    int maxRecords = p.integer("MaxRecords").range(1, 100).orElse(50);
    String token = p.text("NextToken").get();
    if (!names.isEmpty() && prefix != null) {
      throw CloudWatchErrors.invalidCombination(
          "AlarmNames and AlarmNamePrefix cannot be used together.");
    }

    // Composite alarms are not modelled, so they never match; neither do their relations.
    boolean metricAlarms = (types.isEmpty() || types.contains("MetricAlarm"))
        && children == null && parents == null;
    Predicate<MetricAlarm> wanted = a -> metricAlarms
        && (names.isEmpty() || names.contains(a.name()))
        && (prefix == null || a.name().startsWith(prefix))
        && (state == null || a.state().value().equals(state))
        && (actionPrefix == null || a.config().hasActionStartingWith(actionPrefix));
    List<MetricAlarm> matching = inScope(call).stream().filter(wanted).toList();
    Cursor.Page<MetricAlarm> page = Cursor.page(matching, MetricAlarm::name, "DescribeAlarms",
        token, maxRecords, CloudWatchErrors::invalidNextToken);

    ObjectNode out = Nodes.object();
    out.set("MetricAlarms", Nodes.array(page.items(), AlarmOps::alarmNode));
    out.set("CompositeAlarms", Nodes.array());
    if (page.truncated()) {
      out.put("NextToken", page.nextToken());
    }
    return out;
  }

  private JsonNode deleteAlarms(Call call) {
    Params p = call.params();
    if (!p.has("AlarmNames")) {
      throw CloudWatchErrors.missingParameter("AlarmNames");
    }
    List<String> names = new ArrayList<>(new LinkedHashSet<>(p.strings("AlarmNames", 100)));
    List<String> missing = names.stream()
        .filter(n -> !alarms.contains(MetricAlarm.key(call.accountId(), call.region(), n)))
        .toList();
    // AWS deletes nothing when any name is wrong.
    if (!missing.isEmpty()) {
      throw CloudWatchErrors.alarmsNotFound(String.join(", ", missing));
    }
    for (String name : names) {
      alarms.remove(MetricAlarm.key(call.accountId(), call.region(), name));
    }
    return null;
  }

  private JsonNode setAlarmState(Call call) {
    Params p = call.params();
    String name = p.text("AlarmName").required().length(1, 255).get();
    String value = p.text("StateValue").required().oneOf(STATES).get();
    String reason = p.text("StateReason").required().length(0, 1023).get();
    String reasonData = p.text("StateReasonData").length(0, 4000).get();
    if (reasonData != null && !isJson(reasonData)) {
      throw CloudWatchErrors.invalidFormat("StateReasonData is not valid JSON.");
    }
    MetricAlarm alarm = alarms.find(MetricAlarm.key(call.accountId(), call.region(), name))
        .orElseThrow(() -> CloudWatchErrors.alarmsNotFound(name));
    alarms.put(alarm.key(), alarm.withState(
        alarm.state().set(value, reason, reasonData, call.now())));
    return null;
  }

  private static boolean isJson(String text) {
    try {
      new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
      return !text.isBlank();
    } catch (Exception e) {
      return false;
    }
  }

  /** A MetricAlarm as DescribeAlarms shows it; members the owner never set are left out. */
  static ObjectNode alarmNode(MetricAlarm alarm) {
    Config c = alarm.config();
    State s = alarm.state();
    ObjectNode node = Nodes.object();
    node.put("AlarmName", c.alarmName());
    node.put("AlarmArn", alarm.arn());
    putIfSet(node, "AlarmDescription", c.description());
    node.set("AlarmConfigurationUpdatedTimestamp", Nodes.time(alarm.configurationUpdatedAt()));
    node.put("ActionsEnabled", c.actionsEnabled());
    node.set("OKActions", Nodes.strings(c.okActions()));
    node.set("AlarmActions", Nodes.strings(c.alarmActions()));
    node.set("InsufficientDataActions", Nodes.strings(c.insufficientDataActions()));
    node.put("StateValue", s.value());
    node.put("StateReason", s.reason());
    putIfSet(node, "StateReasonData", s.reasonData());
    node.set("StateUpdatedTimestamp", Nodes.time(s.updatedAt()));
    node.put("MetricName", c.metricName());
    node.put("Namespace", c.namespace());
    putIfSet(node, "Statistic", c.statistic());
    putIfSet(node, "ExtendedStatistic", c.extendedStatistic());
    node.set("Dimensions", Nodes.array(c.dimensions(),
        d -> Nodes.object().put("Name", d.name()).put("Value", d.value())));
    node.put("Period", c.period());
    putIfSet(node, "Unit", c.unit());
    node.put("EvaluationPeriods", c.evaluationPeriods());
    if (c.datapointsToAlarm() != null) {
      node.put("DatapointsToAlarm", c.datapointsToAlarm());
    }
    node.put("Threshold", c.threshold());
    node.put("ComparisonOperator", c.comparisonOperator());
    putIfSet(node, "TreatMissingData", c.treatMissingData());
    putIfSet(node, "EvaluateLowSampleCountPercentile", c.evaluateLowSampleCountPercentile());
    node.set("StateTransitionedTimestamp", Nodes.time(s.transitionedAt()));
    return node;
  }

  private static void putIfSet(ObjectNode node, String member, String value) {
    if (value != null) {
      node.put(member, value);
    }
  }
}
