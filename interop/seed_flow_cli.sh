#!/usr/bin/env bash
# The seed article's flow with the AWS CLI (v1 or v2) against an AWS-compatible endpoint.
# Usage: seed_flow_cli.sh [path-to-aws]   (default: aws on PATH)
# Environment as for seed_flow.py: ORGVEND_ENDPOINT, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY,
# ORGVEND_RUN_ID, ORGVEND_POLL_SECONDS.
set -euo pipefail
AWS="${1:-aws}"
EP="$ORGVEND_ENDPOINT"
RUN="${ORGVEND_RUN_ID:-$(date +%s)}"
POLL="${ORGVEND_POLL_SECONDS:-5}"
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
aws_() { "$AWS" --endpoint-url "$EP" --output text "$@"; }
fail() { echo "FAIL: $*" >&2; exit 1; }

"$AWS" --version
request_id=$(aws_ organizations create-account --account-name "seed-cli-$RUN" \
  --email "seed-cli-$RUN@example.com" --iam-user-access-to-billing ALLOW \
  --role-name OrganizationAccountAccessRole --query CreateAccountStatus.Id)
for _ in $(seq 1 600); do
  state=$(aws_ organizations describe-create-account-status \
    --create-account-request-id "$request_id" --query CreateAccountStatus.State)
  [ "$state" != "IN_PROGRESS" ] && break
  sleep "$POLL"
done
[ "$state" = "SUCCEEDED" ] || fail "account creation ended $state"
member=$(aws_ organizations describe-create-account-status \
  --create-account-request-id "$request_id" --query CreateAccountStatus.AccountId)
echo "created account $member"

read -r key secret token < <(aws_ sts assume-role \
  --role-arn "arn:aws:iam::$member:role/OrganizationAccountAccessRole" \
  --role-session-name OrgMasterRoleSession \
  --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]')
mgmt_key="$AWS_ACCESS_KEY_ID" mgmt_secret="$AWS_SECRET_ACCESS_KEY"
export AWS_ACCESS_KEY_ID="$key" AWS_SECRET_ACCESS_KEY="$secret" AWS_SESSION_TOKEN="$token"

[ "$(aws_ sts get-caller-identity --query Account)" = "$member" ] || fail "session not in member"
topic=$(aws_ sns create-topic --name DefaultBillingAlertTopic --query TopicArn)
[ "$topic" = "arn:aws:sns:us-east-1:$member:DefaultBillingAlertTopic" ] || fail "topic $topic"
sub=$(aws_ sns subscribe --topic-arn "$topic" --protocol email \
  --notification-endpoint "billing-$RUN@example.com" --query SubscriptionArn)
[ "$sub" = "pending confirmation" ] || fail "subscribe answered $sub"
aws_ cloudwatch put-metric-alarm --alarm-name DefaultBillingAlart \
  --alarm-description DefaultBillingAlart --actions-enabled --alarm-actions "$topic" \
  --metric-name EstimatedCharges --namespace AWS/Billing --statistic Maximum \
  --dimensions Name=Currency,Value=USD --period 21600 --evaluation-periods 1 \
  --threshold 100 --comparison-operator GreaterThanOrEqualToThreshold

[ "$(aws_ sns list-subscriptions-by-topic --topic-arn "$topic" \
  --query 'Subscriptions[0].SubscriptionArn')" = "PendingConfirmation" ] || fail "subscription state"
got=$(aws_ cloudwatch describe-alarms --alarm-names DefaultBillingAlart --query \
  'MetricAlarms[0].[MetricName,Namespace,Statistic,Period,EvaluationPeriods,Threshold,ComparisonOperator,Dimensions[0].Value,AlarmActions[0],StateValue]')
want=$(printf 'EstimatedCharges\tAWS/Billing\tMaximum\t21600\t1\t100.0\tGreaterThanOrEqualToThreshold\tUSD\t%s\tINSUFFICIENT_DATA' "$topic")
[ "$got" = "$want" ] || fail "alarm is [$got], expected [$want]"

export AWS_ACCESS_KEY_ID="$mgmt_key" AWS_SECRET_ACCESS_KEY="$mgmt_secret"
unset AWS_SESSION_TOKEN
[ -z "$(aws_ cloudwatch describe-alarms --alarm-names DefaultBillingAlart --query 'MetricAlarms[].AlarmName')" ] \
  || fail "management account sees the member's alarm"
if AWS_SECRET_ACCESS_KEY=wrong aws_ organizations describe-organization >/dev/null 2>&1; then
  fail "a wrong secret was accepted"
fi
echo "seed flow OK (AWS CLI): account $member has topic, pending subscription and alarm"
