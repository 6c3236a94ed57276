#!/usr/bin/env bash
# The main job until `canarykit demo` exists: the seed release (podinfo 3.1.0 -> 3.1.1) on the in-memory ports
# and a manual clock, healthy and slow; prints the events of each run.
set -euo pipefail
cd "$(dirname "$0")/.."
exec mvn -B -q -pl canary-core test -Dtest=SeedReleaseTest -Dsurefire.failIfNoSpecifiedTests=false "$@"
