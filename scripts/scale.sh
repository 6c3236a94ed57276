#!/usr/bin/env bash
# The scale harness: N canaries (each with its own Deployment) on fabric8's mock API server in a JVM of its own,
# driven by one CanaryController at its defaults; in-memory router, metrics and webhooks whose calls take
# --port-delay. Prints SCALE lines (figures and commands in docs/benchmarks.md).
# Usage: scripts/scale.sh [--canaries 1000] [--releasing 0.1] [--interval 10s] [--port-delay 60ms]
#                         [--idle 60s] [--release 120s] [--mode mock|memory]
# Builds examples/target/canarykit.jar when it is missing or older than the sources.
set -euo pipefail
cd "$(dirname "$0")/.."

jar=examples/target/canarykit.jar
if [ ! -f "$jar" ] || [ -n "$(find . -path ./.git -prune -o \( -name '*.java' -o -name '*.yaml' -o -name pom.xml \) \
    -newer "$jar" -print -quit)" ]; then
  echo "building $jar"
  mvn -B -q package -DskipTests -pl examples -am
fi

exec java ${SCALE_JAVA_OPTS:-} -cp "$jar" dev.canarykit.examples.scale.Scale "$@"
