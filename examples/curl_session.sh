#!/usr/bin/env bash
# The README's curl session against a running helpdesk-server: sign-up,
# admin approval, login, a ticket with a file, approve, claim, resolve,
# close. Needs curl and python3 (to read JSON fields).
#   examples/curl_session.sh http://127.0.0.1:8000 admin@example.com 'ADMIN-PASSWORD'
set -euo pipefail
base=${1:?base URL}
admin_email=${2:?admin email}
admin_password=${3:?admin password}
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
json=(-H 'Content-Type: application/json')
suffix=$RANDOM$RANDOM

# 1. An employee signs up (the account waits for approval).
employee_id=$(curl -sf "${json[@]}" -X POST "$base/api/create_employee/" -d '{
  "email": "alice'"$suffix"'@example.com", "first_name": "Alice", "last_name": "Smith",
  "department": "IT Department", "password": "Str0ng!pass", "confirm_password": "Str0ng!pass"}' | field '["id"]')
echo "signed up: employee $employee_id (Pending)"

# 2. The System Admin logs in and approves the account.
admin=$(curl -sf "${json[@]}" -X POST "$base/api/token/admin/" \
  -d '{"email": "'"$admin_email"'", "password": "'"$admin_password"'"}' | field '["access"]')
curl -sf -X POST -H "Authorization: Bearer $admin" "$base/api/employees/$employee_id/approve/" | field '["status"]'

# 3. The employee logs in and raises a ticket with a file attached.
alice=$(curl -sf "${json[@]}" -X POST "$base/api/token/employee/" \
  -d '{"email": "alice'"$suffix"'@example.com", "password": "Str0ng!pass"}' | field '["access"]')
printf '%%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%%%EOF\n' >/tmp/helpdesk-report.pdf
ticket=$(curl -sf -H "Authorization: Bearer $alice" -X POST "$base/api/tickets/" \
  -F subject='VPN drops every hour' -F category='IT Category' \
  -F sub_category='Network & Security Administration' -F description='Since Monday.' \
  -F attachments=@/tmp/helpdesk-report.pdf)
id=$(field '["id"]' <<<"$ticket")
echo "ticket $(field '["ticket_number"]' <<<"$ticket") ($(field '["status"]' <<<"$ticket")), file at $(field '["attachments"][0]["download_url"]' <<<"$ticket" | cut -c1-40)..."

# 4. Staff (here the admin) approve it, claim it and resolve it; If-Match guards against stale writes.
curl -sf "${json[@]}" -H "Authorization: Bearer $admin" -H 'If-Match: 1' -X POST "$base/api/tickets/$id/approve/" \
  -d '{"priority": "High", "department": "IT Department"}' | field '["status"]'
curl -sf -H "Authorization: Bearer $admin" -X POST "$base/api/tickets/$id/claim/" | field '["status"]'
curl -sf "${json[@]}" -H "Authorization: Bearer $admin" -X POST "$base/api/tickets/$id/update-status/" \
  -d '{"status": "Resolved", "comment": "Replaced the router."}' | field '["status"]'

# 5. The owner closes it, and reads its history.
curl -sf "${json[@]}" -H "Authorization: Bearer $alice" -X POST "$base/api/tickets/$id/close/" -d '{}' | field '["status"]'
curl -sf -H "Authorization: Bearer $alice" "$base/api/tickets/$id/history/" | field '["results"][-1]["kind"]'
