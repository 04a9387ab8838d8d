#!/usr/bin/env bash
# Replays runs a deployed stack recorded as skipped (by default: event_not_supported, e.g. credit memos received
# before refunds were supported; Magento never resends them) through the admin Lambda (IAM credentials required).
# Usage: scripts/replay.sh <stack-name> [events] [status] [reason] [from] [to] [confirm]
#   events  comma-separated event names, e.g. creditmemo.created (empty = all supported events)
#   status  skipped (default), failed or succeeded;  reason  default event_not_supported ("any" = any reason)
#   from/to ISO-8601 instants bounding the runs' creation time (empty = open)
#   confirm "yes" replays; anything else only prints the dry-run count (always printed first)
# Progress is logged by the admin function every 10 runs ("replay progress" in its CloudWatch log group).
set -euo pipefail
stack="${1:?stack name}"; events="${2:-}"; status="${3:-skipped}"; reason="${4:-event_not_supported}"
from="${5:-}"; to="${6:-}"; confirm="${7:-}"
fn="$(aws cloudformation describe-stacks --stack-name "$stack" \
  --query "Stacks[0].Outputs[?OutputKey=='AdminFunctionName'].OutputValue" --output text)"
request() {
  jq -cn --arg e "$events" --arg s "$status" --arg r "$reason" --arg f "$from" --arg t "$to" --argjson d "$1" \
    '{action:"replay", dry_run:$d, status:$s}
     + (if $e == "" then {} else {events: ($e | split(","))} end)
     + (if $r == "any" then {reason:null} else {reason:$r} end)
     + (if $f == "" then {} else {from:$f} end) + (if $t == "" then {} else {to:$t} end)'
}
out="$(mktemp)"; trap 'rm -f "$out"' EXIT
invoke() {
  aws lambda invoke --function-name "$fn" --cli-binary-format raw-in-base64-out --payload "$1" "$out" >/dev/null
  jq . "$out"
  jq -e '.ok' "$out" >/dev/null
}
invoke "$(request true)"
if [ "$confirm" = "yes" ]; then
  invoke "$(request false)"
else
  echo "dry run only: add CONFIRM=yes to replay" >&2
fi
