#!/usr/bin/env bash
# Pairs a deployed sagesync stack with a Magento shop through the admin Lambda (IAM credentials required).
# Usage: scripts/pair.sh <stack-name> <shop-url> <pairing-code>
# The pairing code comes from Magento: Byte8 Sage Accounting > Generate Pairing Code (valid 30 minutes, single use).
# Prints only the admin function's answer (ok / error code / message); the new api_key never leaves AWS.
set -euo pipefail
stack="${1:?stack name}"; shop="${2:?shop url, e.g. https://shop.example.com}"; code="${3:?pairing code}"
output() {
  aws cloudformation describe-stacks --stack-name "$stack" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}
fn="$(output AdminFunctionName)"
ledger="$(output LedgerBaseUrl)"
payload="$(jq -cn --arg s "$shop" --arg c "$code" --arg l "$ledger" \
  '{action:"pair", shop_url:$s, pairing_code:$c, ledger_base_url:$l}')"
out="$(mktemp)"; trap 'rm -f "$out"' EXIT
aws lambda invoke --function-name "$fn" --cli-binary-format raw-in-base64-out --payload "$payload" "$out" >/dev/null
jq . "$out"
jq -e '.ok' "$out" >/dev/null
