#!/usr/bin/env bash
# The main job: the seed release (podinfo 3.1.0 -> 3.1.1) end to end with `canarykit demo` on an embedded
# Kubernetes API server, a simulated Istio mesh and a real Prometheus.
# Builds examples/target/canarykit.jar when it is missing or older than the sources, installs the Debian
# prometheus package when it is missing, then runs the demo. Arguments go to `canarykit demo`
# (default: the good scenario), e.g. scripts/demo.sh --scenario slow --dump /tmp/objects
set -euo pipefail
cd "$(dirname "$0")/.."

jar=examples/target/canarykit.jar
if [ ! -f "$jar" ] || [ -n "$(find . -path ./.git -prune -o \( -name '*.java' -o -name '*.yaml' -o -name pom.xml \) \
    -newer "$jar" -print -quit)" ]; then
  echo "building $jar"
  mvn -B -q package -DskipTests -pl examples -am
fi

if [ -z "${PROMETHEUS_BIN:-}" ] && ! command -v prometheus >/dev/null 2>&1; then
  echo "prometheus not found: installing the Debian package"
  sudo_cmd=""
  if [ "$(id -u)" != "0" ]; then sudo_cmd="sudo"; fi
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends prometheus
fi

exec java -jar "$jar" demo "$@"
