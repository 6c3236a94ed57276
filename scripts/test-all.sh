#!/usr/bin/env bash
# Runs every test of canarykit: unit, property, mock-server, real-Prometheus and end-to-end.
# Installs what the tests need when it is missing (the Debian prometheus package), then runs `mvn verify`.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v prometheus >/dev/null 2>&1; then
  echo "prometheus not found: installing the Debian package"
  sudo_cmd=""
  if [ "$(id -u)" != "0" ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends prometheus
fi
# The package may start a system Prometheus on :9090; the tests start their own on free loopback ports.

mvn -B verify "$@"
bash scripts/check-jars.sh
