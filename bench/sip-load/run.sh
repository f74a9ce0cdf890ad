#!/usr/bin/env bash
# SIP load against a real Switchboard server on loopback, driven by sipp at a fixed call rate.
#   play:    each call hears a 3 s sound, then the switchboard hangs up (BYE from the server).
#   bridged: each call is forwarded to a sipp UAS standing in for the agent, which echoes the audio
#            (-rtp_echo); the caller plays a recorded G.711 A-law stream for 5 s and hangs up.
# Usage: bench/sip-load/run.sh [rate-per-second] [calls] [max-concurrent]
# Needs: dotnet, sipp (sip-tester), curl, jq, python3. Everything runs on 127.0.0.1 in a temporary directory.
set -euo pipefail

RATE=${1:-20}
CALLS=${2:-400}
LIMIT=${3:-200}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d /tmp/switchboard-sip-load.XXXXXX)
SIP_PORT=25060
UAS_PORT=25070
HTTP_PORT=25080
PASSWORD=bench-admin-1
SERVER_PID=""
UAS_PID=""

cleanup() {
  [[ -n "$UAS_PID" ]] && kill "$UAS_PID" 2>/dev/null || true
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "building the server (Release)..."
dotnet build -c Release "$ROOT/src/Switchboard.Server" -v q -nologo >/dev/null

Switchboard__DataDirectory="$WORK/data" \
Switchboard__Sip__Address=127.0.0.1 Switchboard__Sip__Port=$SIP_PORT \
Switchboard__Rtp__PortMin=30000 Switchboard__Rtp__PortMax=31999 \
SWITCHBOARD_ADMIN_PASSWORD=$PASSWORD Logging__LogLevel__Default=Warning \
  dotnet "$ROOT/src/Switchboard.Server/bin/Release/net10.0/Switchboard.Server.dll" --urls "http://127.0.0.1:$HTTP_PORT" \
  >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$HTTP_PORT/health" >/dev/null && break; sleep 0.2; done

API="http://127.0.0.1:$HTTP_PORT/api/v1"
TOKEN=$(curl -fs "$API/auth/login" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | jq -r .token)
post() { curl -fs "$API/$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$2"; }

python3 - "$WORK/tone.wav" <<'PY'
import math, struct, sys, wave
with wave.open(sys.argv[1], "wb") as w:
    w.setnchannels(1); w.setsampwidth(2); w.setframerate(8000)
    w.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / 8000))) for i in range(3 * 8000)))
PY
SOUND=$(curl -fs "$API/sounds" -H "Authorization: Bearer $TOKEN" -F name=Tone -F "file=@$WORK/tone.wav;type=audio/wav" | jq -r .id)
post trunks '{"name":"Load","inboundAddresses":["127.0.0.1/32"]}' >/dev/null
PLAY=$(post scenarios "{\"name\":\"Play\",\"actions\":[{\"type\":\"playSound\",\"soundId\":\"$SOUND\"},{\"type\":\"hangup\"}]}" | jq -r .id)
BRIDGE=$(post scenarios "{\"name\":\"Bridge\",\"actions\":[{\"type\":\"forward\",\"destination\":\"sip:agent@127.0.0.1:$UAS_PORT\"}]}" | jq -r .id)
post numbers "{\"number\":\"+12025550100\",\"scenarioId\":\"$PLAY\"}" >/dev/null
post numbers "{\"number\":\"+12025550200\",\"scenarioId\":\"$BRIDGE\"}" >/dev/null

sipp -sn uas -rtp_echo -i 127.0.0.1 -p $UAS_PORT -mp 32000 -nostdin -timeout 600s -bg >/dev/null 2>&1 || true
UAS_PID=$(pgrep -n -f "sipp -sn uas -rtp_echo -i 127.0.0.1 -p $UAS_PORT" || true)

run() { # name scenario-file number
  local name=$1 file=$2 number=$3
  (cd "$WORK" && sipp 127.0.0.1:$SIP_PORT -sf "$HERE/$file" -s "$number" -i 127.0.0.1 -p 0 -mp 34000 \
      -r "$RATE" -m "$CALLS" -l "$LIMIT" -nostdin -timeout 300s -trace_stat -stf "$name.csv" -fd 1 >/dev/null 2>&1) || true
  python3 - "$name" "$WORK/$name.csv" <<'PY'
import sys
name, path = sys.argv[1], sys.argv[2]
lines = [line.rstrip(";\n").split(";") for line in open(path) if line.strip()]
rows = [dict(zip(lines[0], values)) for values in lines[1:]]
last = rows[-1]
h, m, s = last["ElapsedTime(C)"].split(":")
seconds = int(h) * 3600 + int(m) * 60 + float(s)
ok, failed = int(last["SuccessfulCall(C)"]), int(last["FailedCall(C)"])
peak = max(int(row["CurrentCall"]) for row in rows)
print(f"{name}: {ok} calls completed, {failed} failed, {ok / seconds:.1f} completed calls/s over {seconds:.0f} s, "
      f"at most {peak} calls up at once (sampled every second)")
PY
}

echo "rate $RATE calls/s, $CALLS calls, at most $LIMIT at once"
run play play.xml 12025550100
run bridged bridged.xml 12025550200
