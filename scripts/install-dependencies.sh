#!/usr/bin/env bash
# Installs the Debian packages Switchboard's tests talk to: PostgreSQL, sipp (sip-tester), baresip,
# Chromium (for the browser tests) and libsrtp2 (webphone media).
# Safe to run again: it installs only what is missing.
set -euo pipefail

packages=(postgresql sip-tester baresip baresip-core chromium libsrtp2-1)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo=(sudo); else
    echo "Missing packages: ${missing[*]} — run this script as root to install them." >&2; exit 1
  fi
else sudo=(); fi

echo "Installing: ${missing[*]}"
"${sudo[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
