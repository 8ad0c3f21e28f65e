#!/bin/sh
# Installs Debian's redis-server and postgresql for the queue-mode test when either is missing.
# One installer at a time (flock): .ci/run starts it early in the background, the test's set-up
# calls it again and waits for that run instead of racing it for apt's locks.
set -eu
exec 9>"${TMPDIR:-/tmp}/aikynetix-queue-apt.lock"
flock 9
have() { command -v redis-server >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }
if have; then exit 0; fi
export DEBIAN_FRONTEND=noninteractive
start=$(date +%s)
apt-get -o DPkg::Lock::Timeout=600 update -q
apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends redis-server postgresql
have
echo "[install-services] redis-server and postgresql installed in $(( $(date +%s) - start )) s" >&2
