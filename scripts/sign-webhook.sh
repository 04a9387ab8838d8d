#!/usr/bin/env bash
# Prints a webhook token signed exactly as the Byte8 Magento module signs it (wire contract §c):
# HS256 over base64url(header).base64url(claims) with HKDF-SHA256(api_key, salt=empty, info="byte8-magento-outbound-v1").
# Valid for 60 s. Needs only bash and OpenSSL >= 3.0.
#   TOKEN=$(scripts/sign-webhook.sh)                       # local-mode defaults
#   SAGESYNC_TENANT_ID=... SAGESYNC_API_KEY=... scripts/sign-webhook.sh
set -euo pipefail
tenant="${SAGESYNC_TENANT_ID:-11111111-2222-4333-8444-555555555555}"
api_key="${SAGESYNC_API_KEY:-sagesync-local-dev-key}"
now="${SAGESYNC_TOKEN_IAT:-$(date +%s)}"
jti="${SAGESYNC_TOKEN_JTI:-$(cat /proc/sys/kernel/random/uuid 2>/dev/null || openssl rand -hex 16)}"

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
# HKDF with an empty salt (PHP's hash_hkdf default); the key is passed as hex so any api_key bytes work.
key_hex=$(printf '%s' "$api_key" | od -An -v -tx1 | tr -d ' \n')
subkey_hex=$(openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt "hexkey:${key_hex}" -kdfopt salt: \
  -kdfopt info:byte8-magento-outbound-v1 HKDF | tr -d ':' | tr 'A-F' 'a-f')

header=$(printf '%s' '{"alg":"HS256","typ":"JWT"}' | b64url)
claims=$(printf '{"iss":"magento","sub":"%s","aud":"byte8-ledger","iat":%d,"nbf":%d,"exp":%d,"jti":"%s"}' \
  "$tenant" "$now" "$now" "$((now + 60))" "$jti" | b64url)
signature=$(printf '%s' "${header}.${claims}" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:${subkey_hex}" -binary | b64url)
printf '%s.%s.%s\n' "$header" "$claims" "$signature"
