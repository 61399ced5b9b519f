package dev.orgvend.sandbox.cloudwatch;

import dev.orgvend.sandbox.protocol.AwsException;
import dev.orgvend.sandbox.protocol.Operation;
import dev.orgvend.sandbox.protocol.Params;
import dev.orgvend.sandbox.protocol.Service;
import dev.orgvend.sandbox.state.Store;
import java.util.Map;

/**
 * Amazon CloudWatch metric alarms, per account and region. CloudWatch answers both awsQuery
 * (version 2010-08-01; SDK v2.40.2, older CLIs) and query-compatible awsJson 1.0 (target prefix
 * {@code GraniteServiceVersion20100801}; current botocore); the front turns either into the same
 * input tree, so each operation is written once.
 */
public final class CloudWatchService implements Service {
  /** Metric alarms allowed per account and region unless the sandbox is told otherwise. */
  public static final int DEFAULT_ALARM_QUOTA = 5000;

  private final AlarmOps alarmOps;

  public CloudWatchService(Store store, int alarmQuota) {
    this.alarmOps = new AlarmOps(store, alarmQuota);
  }

  @Override
  public Wire wire() {
    return new Wire("monitoring", "GraniteServiceVersion20100801", "1.0", "2010-08-01",
        "http://monitoring.amazonaws.com/doc/2010-08-01/", true);
  }

  @Override
  public Params.Rules rules() {
    return CloudWatchErrors.RULES;
  }

  @Override
  public AwsException throttled(String operation) {
    return CloudWatchErrors.throttling();
  }

  @Override
  public AwsException internalFailure() {
    return CloudWatchErrors.internalServiceError();
  }

  @Override
  public Map<String, Operation> operations() {
    return alarmOps.operations();
  }
}
