#!/usr/bin/env bash
# Starts the local PostgreSQL cluster and makes sure the test role exists.
# Prints the connection string the tests read from SWITCHBOARD_TEST_POSTGRES.
set -euo pipefail

cluster=$(pg_lsclusters --no-header 2>/dev/null | awk 'NR==1 {print $1" "$2}')
if [ -z "$cluster" ]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n1)
  pg_createcluster "$version" main >/dev/null
  cluster="$version main"
fi
# shellcheck disable=SC2086
pg_ctlcluster $cluster start >/dev/null 2>&1 || true
port=$(pg_lsclusters --no-header | awk -v v="${cluster% *}" '$1==v {print $3; exit}')

as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }
for _ in $(seq 1 30); do as_postgres pg_isready -q -p "$port" && break; sleep 1; done
as_postgres psql -q -p "$port" -tc "SELECT 1 FROM pg_roles WHERE rolname='switchboard'" | grep -q 1 ||
  as_postgres psql -q -p "$port" -c "CREATE ROLE switchboard LOGIN CREATEDB PASSWORD 'switchboard'" >/dev/null

echo "Host=127.0.0.1;Port=$port;Username=switchboard;Password=switchboard;Database=postgres"
