#!/usr/bin/env bash
# Prints the policy module's figures: SCP impact preview for N accounts (default 5000) x 50
# guarded actions before and after a change, evaluator throughput, lint and compile of 1,000
# policies. Single thread. Usage: policy/scripts/bench.sh [ACCOUNTS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
./mvnw -q -B -ntp -pl policy test-compile
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
./mvnw -q -B -ntp -pl policy dependency:build-classpath -Dmdep.outputFile="$cp_file" >/dev/null
java -cp "policy/target/classes:policy/target/test-classes:$(cat "$cp_file")" \
  dev.orgvend.policy.eval.EvaluatorBenchmark "$@"
