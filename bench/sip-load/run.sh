#!/usr/bin/env bash
# SIP load against a real Switchboard server on loopback, driven by sipp at a fixed call rate.
#   play:    each call hears a 3 s sound, then the switchboard hangs up (BYE from the server).
#   bridged: each call's scenario calls a user (callUser), ringing the agent's registered desk phone — a sipp
#            UAS that first REGISTERs with digest credentials and then answers on that port, echoing the audio
#            (-rtp_echo). The caller talks for TALK seconds (sipp's recorded G.711 A-law stream, 236 packets in
#            7 s, replayed as often as needed) and hangs up. The server logs each call's RTP counters; the bench
#            counts the calls that carried audio both ways.
# Usage: bench/sip-load/run.sh [rate-per-second] [calls] [max-concurrent] [talk-seconds]
#   SCENARIOS="bridged" runs only the bridged calls (default "play bridged").
# Needs: dotnet, sipp (sip-tester), curl, jq, python3. Everything runs on 127.0.0.1 in a temporary directory,
# and every sipp run ends by itself (-m calls, -timeout).
set -euo pipefail

RATE=${1:-20}
CALLS=${2:-400}
LIMIT=${3:-200}
TALK_SECONDS=${4:-5}
SCENARIOS=${SCENARIOS:-play bridged}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d /tmp/switchboard-sip-load.XXXXXX)
SIP_PORT=25060
UAS_PORT=25070
HTTP_PORT=25080
PASSWORD=bench-admin-1
AGENT_PASSWORD=bench-agent-1
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

# 4 RTP ports per bridged call (two legs, RTP and RTCP each): 8000 ports hold 2000 calls. sipp's own media
# ports (32000 for the agent, 34000 for callers) stay outside the range.
Switchboard__DataDirectory="$WORK/data" \
Switchboard__Sip__Address=127.0.0.1 Switchboard__Sip__Port=$SIP_PORT \
Switchboard__Rtp__PortMin=40000 Switchboard__Rtp__PortMax=47999 \
SWITCHBOARD_ADMIN_PASSWORD=$PASSWORD Logging__LogLevel__Default=Warning \
  env "Logging__LogLevel__Switchboard.Server.Telephony.CallLog=Information" dotnet "$ROOT/src/Switchboard.Server/bin/Release/net10.0/Switchboard.Server.dll" --urls "http://127.0.0.1:$HTTP_PORT" \
  >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 300); do curl -fs "http://127.0.0.1:$HTTP_PORT/health" >/dev/null && break; sleep 0.2; done

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
AGENT=$(post users "{\"username\":\"agent\",\"displayName\":\"Agent\",\"role\":\"agent\",\"password\":\"agent-password-1\",\"sipUsername\":\"agent\",\"sipPassword\":\"$AGENT_PASSWORD\"}" | jq -r .id)
post trunks '{"name":"Load","inboundAddresses":["127.0.0.1/32"]}' >/dev/null
PLAY=$(post scenarios "{\"name\":\"Play\",\"actions\":[{\"type\":\"playSound\",\"soundId\":\"$SOUND\"},{\"type\":\"hangup\"}]}" | jq -r .id)
BRIDGE=$(post scenarios "{\"name\":\"Agent\",\"actions\":[{\"type\":\"callUser\",\"userId\":\"$AGENT\",\"ringSeconds\":20},{\"type\":\"hangup\"}]}" | jq -r .id)
post numbers "{\"number\":\"+12025550100\",\"scenarioId\":\"$PLAY\"}" >/dev/null
post numbers "{\"number\":\"+12025550200\",\"scenarioId\":\"$BRIDGE\"}" >/dev/null

# The agent's phone: register from UAS_PORT, then answer on it. The answering UAS takes every call of the run,
# echoing all their audio on one socket: its receive buffer is raised to the kernel's default maximum (4 MiB)
# so that a CPU-starved sipp does not drop the echo before the server sees it.
(cd "$WORK" && sipp 127.0.0.1:$SIP_PORT -sf "$HERE/agent-register.xml" -s agent -au agent -ap "$AGENT_PASSWORD" \
    -i 127.0.0.1 -p $UAS_PORT -m 1 -nostdin -timeout 10s -timeout_error >/dev/null 2>&1) || { echo "the agent's phone did not register"; exit 1; }
sipp -sn uas -rtp_echo -rtp_buffsize 4194304 -i 127.0.0.1 -p $UAS_PORT -mp 32000 -nostdin -timeout 900s -bg >/dev/null 2>&1 || true
UAS_PID=$(pgrep -n -f "sipp -sn uas -rtp_echo -rtp_buffsize 4194304 -i 127.0.0.1 -p $UAS_PORT" || true)

# The caller's talk: the 7 s recording, started again every 7 s until TALK_SECONDS have passed.
TALK=""
for (( left = TALK_SECONDS * 1000; left > 0; left -= 7050 )); do
  TALK+="  <nop><action><exec play_pcap_audio=\"/usr/share/sip-tester/g711a.pcap\"/></action></nop><pause milliseconds=\"$(( left < 7050 ? left : 7050 ))\"/>\n"
done
sed "s#  <!-- TALK -->#$TALK#" "$HERE/bridged.xml" >"$WORK/bridged.xml"
cp "$HERE/play.xml" "$WORK/play.xml"

server_cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
# Datagrams the kernel dropped because a socket's receive buffer was full, for the socket bound to a port.
socket_drops() { awk -v port="$(printf ':%04X' "$1")" '$2 ~ port"$" {print $NF}' /proc/net/udp; }
machine_ticks() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8, $2 + $3 + $4 + $5 + $6 + $7 + $8}' /proc/stat; }

run() { # name scenario-file number
  local name=$1 file=$2 number=$3 ticks_before machine_before started
  ticks_before=$(server_cpu_ticks)
  machine_before=$(machine_ticks)
  started=$(date +%s.%N)
  (cd "$WORK" && sipp 127.0.0.1:$SIP_PORT -sf "$WORK/$file" -s "$number" -i 127.0.0.1 -p 0 -mp 34000 \
      -r "$RATE" -m "$CALLS" -l "$LIMIT" -nostdin -timeout 900s -trace_stat -stf "$name.csv" -fd 1 -trace_err -error_file "$name.errors" >/dev/null 2>&1) || true
  echo "$name: the server used $(python3 -c "import sys, time; t = (int(sys.argv[2]) - int(sys.argv[1])) / $(getconf CLK_TCK); w = time.time() - float(sys.argv[3]); print(f'{t:.0f} s of CPU in {w:.0f} s ({100 * t / w:.0f}% of one core)')" "$ticks_before" "$(server_cpu_ticks)" "$started")"
  # The callers' media socket is never read (sipp only plays into it), so its drops say nothing; the agent's is.
  echo "$name: datagrams the kernel dropped at the agent's echo socket (receive buffer full): $(socket_drops 32000)"
  echo "$name: the machine (server, sipp and anything else) was $(echo "$machine_before $(machine_ticks)" | awk '{printf "%.0f", 100 * ($3 - $1) / ($4 - $2)}')% busy across $(nproc) cores"
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
  # Why calls failed, as sipp saw it: the kinds of error, counted.
  [[ -s "$WORK/$name.errors" ]] && grep -o "Aborting call[^:]*: while expecting '[^']*'\|[Rr]etransmission[^.]*\|[Tt]imeout[^.]*" "$WORK/$name.errors" \
    | sort | uniq -c | sed "s/^/$name failures: /" || true
}

media() { # what the server counted on each bridged call's two legs
  python3 - "$WORK/server.log" "$TALK_SECONDS" <<'PY'
import re, sys
log, talk = sys.argv[1], int(sys.argv[2])
sent = int(talk * 236 / 7.05)  # the recording's packets in the talk time
pattern = re.compile(r"to \+12025550200 ended AnsweredByUser; RTP caller leg in (\d+) out (\d+), called leg in (\d+) out (\d+)")
calls = [tuple(map(int, m.groups())) for m in pattern.finditer(open(log).read())]
# Both ways: the caller's audio reached the agent (called leg out) and the agent's echo reached the caller (caller leg out).
both = [c for c in calls if min(c) >= 0.9 * sent]
low = min((min(c) for c in calls), default=0)
print(f"bridged media: {len(both)} of {len(calls)} answered calls carried >= 90% of the {sent} packets on every leg "
      f"in both directions (fewest on any leg of any call: {low})")
# Where packets went missing: each counter's median and minimum over the calls.
for i, what in enumerate(["caller leg in (from the caller)", "caller leg out (echo to the caller)",
                          "agent leg in (echo from the agent)", "agent leg out (to the agent)"]):
    values = sorted(c[i] for c in calls)
    if values:
        print(f"  {what}: median {values[len(values) // 2]}, min {values[0]}")
PY
}

echo "rate $RATE calls/s, $CALLS calls, at most $LIMIT at once, talk $TALK_SECONDS s"
for scenario in $SCENARIOS; do
  case $scenario in
    play) run play play.xml 12025550100 ;;
    bridged) run bridged bridged.xml 12025550200; media ;;
  esac
done
grep -c "ended Failed\|ended Refused" "$WORK/server.log" | sed 's/^/server-side failed or refused calls: /' || true
