#!/usr/bin/env bash
# Issue 12: nothing pending is lost and nothing acknowledged is sent twice. A `motcua notify work` runs while
# the SMTP server is down; 20 dossiers with an e-mail are registered meanwhile through the API; the worker is
# killed with -9; the SMTP server (aiosmtpd) comes up; a new worker starts: every dossier gets exactly one
# receipt e-mail. usage: scripts/notify-crash-check.sh path/to/motcua
set -euo pipefail
motcua=$(realpath "$1")
work=$(mktemp -d /tmp/motcua-notify.XXXXXX)
pids=()
cleanup() { for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
db="$work/db.sqlite"; web=$(free_port); smtp=$(free_port)
"$motcua" demo --no-serve --database "$db" >"$work/demo.log" 2>&1
token=$("$motcua" user token tiepnhan --name notify-check --database "$db" | tail -1)
MOTCUA_LOG_LEVEL=warning "$motcua" serve --allow-demo-accounts --database "$db" --port "$web" >"$work/serve.log" 2>&1 &
pids+=($!)
notify=(notify work --database "$db" --smtp-url "smtp://127.0.0.1:$smtp" --mail-from motcua@example.vn --lease 3 --first-retry 1)
"$motcua" "${notify[@]}" >"$work/worker1.log" 2>&1 &
worker=$!; pids+=($worker)
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$web/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
for i in $(seq 1 20); do
  curl -fs -o /dev/null -X POST "http://127.0.0.1:$web/api/v1/dossiers" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"receiving_agency_code\": \"000.00.15.H56\", \"procedure_code\": \"2.000488\", \"channel\": \"counter\",
         \"applicant\": {\"kind\": \"person\", \"name\": \"Người nộp $i\", \"id_number\": \"0660900001$(printf %02d "$i")\", \"email\": \"nguoi$i@example.vn\"}}"
done
sleep 2   # the worker tries (and fails) against the closed port meanwhile
kill -9 "$worker"; wait "$worker" 2>/dev/null || true
python3 -m aiosmtpd -n -l "127.0.0.1:$smtp" -c aiosmtpd.handlers.Mailbox "$work/maildir" >/dev/null 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do python3 -c "import socket,sys; s=socket.socket(); sys.exit(s.connect_ex(('127.0.0.1',$smtp)))" && break; sleep 0.1; done
"$motcua" "${notify[@]}" >"$work/worker2.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do
  sent=$("$motcua" notify list --state sent --database "$db" | tail -n +2 | grep -c ',email,' || true)
  [ "$sent" -ge 20 ] && break
  sleep 0.2
done
sleep 1
python3 - "$work/maildir" <<'PY'
import collections, mailbox, sys
from email.header import decode_header, make_header
subjects = [str(make_header(decode_header(m["Subject"]))) for m in mailbox.Maildir(sys.argv[1], create=False)]
codes = collections.Counter(s.split(" ")[2].rstrip(":") for s in subjects)
ok = len(codes) == 20 and all(n == 1 for n in codes.values()) and len(subjects) == 20
print(f"notify crash check: {len(subjects)} e-mails for {len(codes)} dossiers, each once: {'yes' if ok else 'NO'}")
sys.exit(0 if ok else 1)
PY
