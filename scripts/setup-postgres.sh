#!/usr/bin/env bash
# Installs PostgreSQL server binaries (initdb, pg_ctl) from Debian packages
# when missing, for the store/postgres and queue tests (internal/testpg
# starts throwaway servers with them; no server is started here).
# Idempotent: does nothing when a PostgreSQL bin folder is already there.
set -euo pipefail
for d in /usr/lib/postgresql/*/bin; do
  if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then
    exit 0
  fi
done
if [ "$(id -u)" -ne 0 ]; then
  echo "setup-postgres: PostgreSQL is missing and installing it needs root (apt-get install postgresql)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# The package's own cluster is not needed: tests run initdb into temp dirs.
mkdir -p /etc/postgresql-common
grep -qs '^create_main_cluster' /etc/postgresql-common/createcluster.conf ||
  echo 'create_main_cluster = false' >>/etc/postgresql-common/createcluster.conf
apt-get install -y -qq postgresql >/dev/null
id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql --shell /bin/bash postgres
ls -d /usr/lib/postgresql/*/bin
