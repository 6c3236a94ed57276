#!/usr/bin/env bash
# The scale harness: N canaries, each with its own Deployment, measured idle and with a share of them releasing.
#   --mode mock    fabric8's mock API server in a JVM of its own, one CanaryController at its defaults (default)
#   --mode memory  no Kubernetes: the core driver on in-memory ports with the controller's scheduling and workers
#   --start initialized  (mock) the fleet is loaded already Initialized (primaries, Services, status) and taken over
# Router, metrics and webhooks are in memory; each metric query and webhook call takes --port-delay. Prints
# `SCALE <figure> <value> <whose>` lines, whose = controller | mock-server | controller+mock-server (figures and
# commands in docs/benchmarks.md).
# Usage: scripts/scale.sh [--mode mock] [--start new|initialized] [--canaries 1000] [--releasing 0.1] [--interval 10s] [--port-delay 60ms]
#                         [--settle 20s] [--idle 60s] [--release-limit 300s] [--startup-limit 2h]
# Builds examples/target/canarykit.jar when it is missing or older than the sources. SCALE_JAVA_OPTS: JVM options
# of the controller's JVM (for example -XX:+FlightRecorder settings when profiling).
set -euo pipefail
cd "$(dirname "$0")/.."

jar=examples/target/canarykit.jar
if [ ! -f "$jar" ] || [ -n "$(find . -path ./.git -prune -o \( -name '*.java' -o -name '*.yaml' -o -name pom.xml \) \
    -newer "$jar" -print -quit)" ]; then
  echo "building $jar"
  mvn -B -q package -DskipTests -pl examples -am
fi

exec java ${SCALE_JAVA_OPTS:-} -cp "$jar" dev.canarykit.examples.scale.Scale "$@"
