#!/usr/bin/env bash
# SIP load against a real Switchboard server on loopback, driven by sipp at a fixed call rate.
#   play:    each call hears a 3 s sound, then the switchboard hangs up (BYE from the server).
#   signalling: each call is answered and at once hung up by the switchboard (answer, hangup): SIP alone.
#   bridged: each call's scenario calls a user (callUser), ringing the agent's registered desk phone — a sipp
#            UAS that first REGISTERs with digest credentials and then answers on that port in A-law (so nothing
#            is transcoded), echoing the audio (-rtp_echo). The agents are AGENTS users (default 4), each with
#            its own number, desk phone and sipp process; the calls are shared out between them by as many caller
#            sipp processes, so that no single sipp socket is the limit. The caller talks for TALK seconds (sipp's
#            recorded G.711 A-law stream, 236 packets in 7 s, replayed as often as needed) and hangs up. The server
#            logs each call's RTP counters; the bench counts the calls that carried audio both ways.
# Usage: bench/sip-load/run.sh [rate-per-second] [calls] [max-concurrent] [talk-seconds]
#   SCENARIOS="bridged" runs only the bridged calls (default "play signalling bridged"); AGENTS=8 spreads them over 8 agents.
# Needs: dotnet, sipp (sip-tester), curl, jq, python3. Everything runs on 127.0.0.1 in a temporary directory,
# and every sipp run ends by itself (-m calls, -timeout).
set -euo pipefail

RATE=${1:-20}
CALLS=${2:-400}
LIMIT=${3:-200}
TALK_SECONDS=${4:-5}
SCENARIOS=${SCENARIOS:-play signalling bridged}
AGENTS=${AGENTS:-4}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d /tmp/switchboard-sip-load.XXXXXX)
SIP_PORT=25060
UAS_PORT=25070
HTTP_PORT=25080
PASSWORD=bench-admin-1
AGENT_PASSWORD=bench-agent-1
SERVER_PID=""
UAS_PIDS=()

cleanup() {
  for pid in "${UAS_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "building the server (Release)..."
dotnet build -c Release "$ROOT/src/Switchboard.Server" -v q -nologo >/dev/null

# 4 RTP ports per bridged call (two legs, RTP and RTCP each): 8000 ports hold 2000 calls. sipp's own media
# ports (from 32000 for the agents, 34000 for callers) stay outside the range.
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
post trunks '{"name":"Load","inboundAddresses":["127.0.0.1/32"]}' >/dev/null
PLAY=$(post scenarios "{\"name\":\"Play\",\"actions\":[{\"type\":\"playSound\",\"soundId\":\"$SOUND\"},{\"type\":\"hangup\"}]}" | jq -r .id)
post numbers "{\"number\":\"+12025550100\",\"scenarioId\":\"$PLAY\"}" >/dev/null
SIGNALLING=$(post scenarios '{"name":"Signalling","actions":[{"type":"answer"},{"type":"hangup"}]}' | jq -r .id)
post numbers "{\"number\":\"+12025550300\",\"scenarioId\":\"$SIGNALLING\"}" >/dev/null

# Every sipp gets a control port of its own (-cp: they all default to 8888).
# Agent i: a user whose calls ring the SIP desk phone registered as agent<i> (not the webphone, the default, which
# would need an open workspace), rung whatever their status, on number +120255502<i>.
BRIDGED_NUMBERS=()
AGENT_MEDIA_PORTS=()
for (( i = 0; i < AGENTS; i++ )); do
  number=$(printf '12025550%d%02d' 2 "$i")
  agent=$(post users "{\"username\":\"agent$i\",\"displayName\":\"Agent $i\",\"role\":\"agent\",\"password\":\"agent-password-1\",\"sipUsername\":\"agent$i\",\"sipPassword\":\"$AGENT_PASSWORD\",\"webphoneEnabled\":false}" | jq -r .id)
  bridge=$(post scenarios "{\"name\":\"Agent $i\",\"actions\":[{\"type\":\"callUser\",\"userId\":\"$agent\",\"ringSeconds\":20,\"ringWhenNotReady\":true},{\"type\":\"hangup\"}]}" | jq -r .id)
  post numbers "{\"number\":\"+$number\",\"scenarioId\":\"$bridge\"}" >/dev/null
  BRIDGED_NUMBERS+=("$number")
  AGENT_MEDIA_PORTS+=($(( 32000 + 10 * i )))
  # The agent's phone: register from its port, then answer on it (its own sipp, its own echo socket, whose receive
  # buffer is raised to the kernel's default maximum (4 MiB) so that a CPU-starved sipp does not drop the echo).
  (cd "$WORK" && sipp 127.0.0.1:$SIP_PORT -sf "$HERE/agent-register.xml" -s "agent$i" -au "agent$i" -ap "$AGENT_PASSWORD" \
      -i 127.0.0.1 -p $(( UAS_PORT + i )) -cp 8799 -m 1 -nostdin -timeout 10s -timeout_error >/dev/null 2>&1) || { echo "agent $i's phone did not register"; exit 1; }
  sipp -sf "$HERE/agent-answer.xml" -rtp_echo -rtp_buffsize 4194304 -i 127.0.0.1 -p $(( UAS_PORT + i )) -mp $(( 32000 + 10 * i )) \
      -cp $(( 8800 + i )) -nostdin -timeout 900s -bg >/dev/null 2>&1 || true
  UAS_PIDS+=($(pgrep -n -f "sipp -sf $HERE/agent-answer.xml -rtp_echo -rtp_buffsize 4194304 -i 127.0.0.1 -p $(( UAS_PORT + i ))" || true))
done

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

run() { # name scenario-file number... (the calls are shared out between the numbers, one sipp process each)
  local name=$1 file=$2 ticks_before machine_before started i=0 n=$(( $# - 2 )) pids=()
  shift 2
  ticks_before=$(server_cpu_ticks)
  machine_before=$(machine_ticks)
  started=$(date +%s.%N)
  for number in "$@"; do
    (cd "$WORK" && sipp 127.0.0.1:$SIP_PORT -sf "$WORK/$file" -s "$number" -i 127.0.0.1 -p 0 -mp $(( 34000 + 10 * i )) -cp $(( 8900 + i )) \
        -r "$(awk -v r="$RATE" -v n="$n" 'BEGIN { printf "%.3f", r / n }')" -m $(( (CALLS + n - 1 - i) / n )) -l $(( (LIMIT + n - 1) / n )) \
        -nostdin -timeout 900s -trace_stat -stf "$name.$i.csv" -fd 1 -trace_err -error_file "$name.$i.errors" >/dev/null 2>&1) &
    pids+=($!)
    i=$(( i + 1 ))
  done
  wait "${pids[@]}" || true
  cat "$WORK/$name".*.errors >"$WORK/$name.errors" 2>/dev/null || true
  echo "$name: the server used $(python3 -c "import sys, time; t = (int(sys.argv[2]) - int(sys.argv[1])) / $(getconf CLK_TCK); w = time.time() - float(sys.argv[3]); print(f'{t:.0f} s of CPU in {w:.0f} s ({100 * t / w:.0f}% of one core)')" "$ticks_before" "$(server_cpu_ticks)" "$started")"
  # The callers' media socket is never read (sipp only plays into it), so its drops say nothing; the agent's is.
  echo "$name: datagrams the kernel dropped at the agents' echo sockets (receive buffer full): $(for port in "${AGENT_MEDIA_PORTS[@]}"; do socket_drops "$port"; done | awk '{ s += $1 } END { print s + 0 }')"
  echo "$name: the machine (server, sipp and anything else) was $(echo "$machine_before $(machine_ticks)" | awk '{printf "%.0f", 100 * ($3 - $1) / ($4 - $2)}')% busy across $(nproc) cores"
  python3 - "$name" "$WORK/$name".*.csv <<'PY'
import sys
name, paths = sys.argv[1], sys.argv[2:]
ok = failed = peak = 0
seconds = 0.0
for path in paths:  # one sipp process each; their calls add up, the run lasts as long as the longest
    lines = [line.rstrip(";\n").split(";") for line in open(path) if line.strip()]
    rows = [dict(zip(lines[0], values)) for values in lines[1:]]
    last = rows[-1]
    h, m, s = last["ElapsedTime(C)"].split(":")
    seconds = max(seconds, int(h) * 3600 + int(m) * 60 + float(s))
    ok, failed = ok + int(last["SuccessfulCall(C)"]), failed + int(last["FailedCall(C)"])
    peak += max(int(row["CurrentCall"]) for row in rows)
print(f"{name}: {ok} calls completed, {failed} failed, {ok / seconds:.1f} completed calls/s over {seconds:.0f} s, "
      f"at most {peak} calls up at once (each sipp's peak, summed; sampled every second)")
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
pattern = re.compile(r"to \+120255502\d\d ended AnsweredByUser; RTP caller leg in (\d+) out (\d+), called leg in (\d+) out (\d+)")
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
    signalling) run signalling play.xml 12025550300 ;;
    bridged) run bridged bridged.xml "${BRIDGED_NUMBERS[@]}"; media ;;
  esac
done
grep -c "ended Failed\|ended Refused" "$WORK/server.log" | sed 's/^/server-side failed or refused calls: /' || true
