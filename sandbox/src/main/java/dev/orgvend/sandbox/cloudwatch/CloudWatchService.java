package dev.orgvend.sandbox.cloudwatch;

import dev.orgvend.sandbox.protocol.Binding;
import dev.orgvend.sandbox.protocol.Protocol;
import dev.orgvend.sandbox.protocol.Service;
import dev.orgvend.sandbox.state.Store;
import java.util.List;

/**
 * Amazon CloudWatch metric alarms, per account and region. CloudWatch answers both awsQuery
 * (version 2010-08-01; SDK v2.40.2, older CLIs) and query-compatible awsJson 1.0 (target prefix
 * {@code GraniteServiceVersion20100801}; current botocore); the routers turn either into the same
 * input tree, so each operation is written once.
 */
public final class CloudWatchService {
  /** Metric alarms allowed per account and region unless the sandbox is told otherwise. */
  public static final int DEFAULT_ALARM_QUOTA = 5000;

  private static final List<Binding> BINDINGS = List.of(
      new Binding.AwsQuery("2010-08-01", "http://monitoring.amazonaws.com/doc/2010-08-01/"),
      new Binding.AwsJson("GraniteServiceVersion20100801", Protocol.AWS_JSON_1_0, true));

  private final Service service;

  public CloudWatchService(Store store, int alarmQuota) {
    this.service = new Service("monitoring", BINDINGS, CloudWatchErrors.ANSWERS,
        new AlarmOps(store, alarmQuota).operations());
  }

  public Service service() {
    return service;
  }
}
