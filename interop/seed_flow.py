#!/usr/bin/env python3
"""The seed article's flow, run with boto3 against an AWS-compatible endpoint.

Creates an account, polls its creation status, assumes the member role, creates the billing-alert
SNS topic with an e-mail subscription and the CloudWatch alarm, then reads everything back and
checks it landed in the member account (not the management account), in us-east-1.

Environment: ORGVEND_ENDPOINT (sandbox URL), AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY
(management keys), ORGVEND_RUN_ID (makes names unique), ORGVEND_POLL_SECONDS (default 5).
Works with boto3 1.26 (Query to CloudWatch) and 1.43 (JSON 1.0 to CloudWatch).
"""
import os
import sys
import time

import boto3
from boto3.session import Session
import botocore

ENDPOINT = os.environ["ORGVEND_ENDPOINT"]
RUN_ID = os.environ.get("ORGVEND_RUN_ID", str(int(time.time())))
POLL = float(os.environ.get("ORGVEND_POLL_SECONDS", "5"))


def check(condition, message):
    if not condition:
        print("FAIL: " + message, file=sys.stderr)
        sys.exit(1)


def main():
    print("boto3 %s, botocore %s" % (boto3.__version__, botocore.__version__))
    orgs = boto3.client("organizations", region_name="us-east-1", endpoint_url=ENDPOINT)
    management_id = boto3.client("sts", region_name="us-east-1", endpoint_url=ENDPOINT) \
        .get_caller_identity()["Account"]

    request = orgs.create_account(
        AccountName="seed-boto3-" + RUN_ID,
        Email="seed-boto3-%s@example.com" % RUN_ID,
        IamUserAccessToBilling="ALLOW",
        RoleName="OrganizationAccountAccessRole",
    )
    request_id = request["CreateAccountStatus"]["Id"]
    deadline = time.time() + 120
    while True:
        status = orgs.describe_create_account_status(CreateAccountRequestId=request_id)
        state = status["CreateAccountStatus"]["State"]
        if state != "IN_PROGRESS":
            break
        check(time.time() < deadline, "account creation did not finish in time")
        time.sleep(POLL)
    check(state == "SUCCEEDED", "creation ended %s: %s" % (state, status["CreateAccountStatus"]))
    member_id = status["CreateAccountStatus"]["AccountId"]
    print("created account", member_id)

    sts = boto3.client("sts", region_name="us-east-1", endpoint_url=ENDPOINT)
    assumed = sts.assume_role(
        RoleArn="arn:aws:iam::%s:role/OrganizationAccountAccessRole" % member_id,
        RoleSessionName="OrgMasterRoleSession",
    )
    creds = assumed["Credentials"]
    session = Session(
        aws_access_key_id=creds["AccessKeyId"],
        aws_secret_access_key=creds["SecretAccessKey"],
        aws_session_token=creds["SessionToken"],
        region_name="us-east-1",
    )
    me = session.client("sts", endpoint_url=ENDPOINT).get_caller_identity()
    check(me["Account"] == member_id, "assumed session acts in %s" % me["Account"])

    sns = session.client("sns", endpoint_url=ENDPOINT)
    cloudwatch = session.client("cloudwatch", endpoint_url=ENDPOINT)
    topic_arn = sns.create_topic(Name="DefaultBillingAlertTopic")["TopicArn"]
    check(topic_arn == "arn:aws:sns:us-east-1:%s:DefaultBillingAlertTopic" % member_id,
          "topic ARN " + topic_arn)
    sub = sns.subscribe(TopicArn=topic_arn, Protocol="email",
                        Endpoint="billing-%s@example.com" % RUN_ID)
    check(sub["SubscriptionArn"] == "pending confirmation",
          "subscription answer " + sub["SubscriptionArn"])

    alert_name = "DefaultBillingAlart"
    cloudwatch.put_metric_alarm(
        AlarmName=alert_name,
        AlarmDescription=alert_name,
        ActionsEnabled=True,
        AlarmActions=[topic_arn],
        MetricName="EstimatedCharges",
        Namespace="AWS/Billing",
        Statistic="Maximum",
        Dimensions=[{"Name": "Currency", "Value": "USD"}],
        Period=21600,
        EvaluationPeriods=1,
        Threshold=100,
        ComparisonOperator="GreaterThanOrEqualToThreshold",
    )

    # Read back, as the member.
    subs = sns.list_subscriptions_by_topic(TopicArn=topic_arn)["Subscriptions"]
    check(len(subs) == 1 and subs[0]["SubscriptionArn"] == "PendingConfirmation",
          "subscriptions %s" % subs)
    alarms = cloudwatch.describe_alarms(AlarmNames=[alert_name])["MetricAlarms"]
    check(len(alarms) == 1, "alarms %s" % alarms)
    alarm = alarms[0]
    expected = {
        "MetricName": "EstimatedCharges", "Namespace": "AWS/Billing", "Statistic": "Maximum",
        "Period": 21600, "EvaluationPeriods": 1, "Threshold": 100.0,
        "ComparisonOperator": "GreaterThanOrEqualToThreshold", "AlarmActions": [topic_arn],
        "Dimensions": [{"Name": "Currency", "Value": "USD"}], "StateValue": "INSUFFICIENT_DATA",
    }
    for key, value in expected.items():
        check(alarm.get(key) == value, "alarm %s is %r, expected %r" % (key, alarm.get(key), value))
    check(alarm["AlarmArn"] == "arn:aws:cloudwatch:us-east-1:%s:alarm:%s" % (member_id, alert_name),
          "alarm ARN " + alarm["AlarmArn"])

    # The management account sees none of it.
    mgmt_sns = boto3.client("sns", region_name="us-east-1", endpoint_url=ENDPOINT)
    mgmt_cw = boto3.client("cloudwatch", region_name="us-east-1", endpoint_url=ENDPOINT)
    topics = [t["TopicArn"] for t in mgmt_sns.list_topics()["Topics"]]
    check(topic_arn not in topics, "management account sees the member's topic")
    check(not mgmt_cw.describe_alarms(AlarmNames=[alert_name])["MetricAlarms"],
          "management account (%s) sees the member's alarm" % management_id)
    # Nor does the member's other region.
    eu_cw = session.client("cloudwatch", region_name="eu-west-1", endpoint_url=ENDPOINT)
    check(not eu_cw.describe_alarms(AlarmNames=[alert_name])["MetricAlarms"],
          "alarm leaked into eu-west-1")

    # A wrong secret is refused.
    bad = boto3.client("organizations", region_name="us-east-1", endpoint_url=ENDPOINT,
                       aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"],
                       aws_secret_access_key="not-the-secret")
    try:
        bad.describe_organization()
        check(False, "a wrong secret was accepted")
    except botocore.exceptions.ClientError as e:
        check(e.response["Error"]["Code"] == "InvalidSignatureException",
              "wrong secret gave " + e.response["Error"]["Code"])

    print("seed flow OK: account %s has topic, pending subscription and alarm" % member_id)


if __name__ == "__main__":
    main()
