#!/usr/bin/env bash
# Checks what `mvn verify` packaged: every module jar has its Automatic-Module-Name, and sources and Javadoc
# jars exist. Fails (exit 1) naming what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
fail=0
for m in canary-core:dev.canarykit.core canary-k8s:dev.canarykit.k8s canary-istio:dev.canarykit.istio \
         canary-prometheus:dev.canarykit.prometheus examples:dev.canarykit.examples; do
  dir=${m%%:*}; name=${m##*:}
  jar=$(ls "$dir"/target/"$dir"-*.jar 2>/dev/null | grep -v -e sources -e javadoc -e tests | head -1 || true)
  if [ -z "$jar" ]; then echo "MISSING jar in $dir/target"; fail=1; continue; fi
  tmp=$(mktemp -d)
  (cd "$tmp" && jar xf "$OLDPWD/$jar" META-INF/MANIFEST.MF)
  amn=$(tr -d '\r' < "$tmp/META-INF/MANIFEST.MF" | sed -n 's/^Automatic-Module-Name: //p')
  rm -rf "$tmp"
  [ "$amn" = "$name" ] || { echo "$jar: Automatic-Module-Name is '$amn', expected $name"; fail=1; }
  for kind in sources javadoc; do
    ls "$dir"/target/"$dir"-*-"$kind".jar >/dev/null 2>&1 || { echo "MISSING $kind jar in $dir/target"; fail=1; }
  done
done
ls canary-core/target/canary-core-*-tests.jar >/dev/null 2>&1 || { echo "MISSING canary-core test-jar (contracts)"; fail=1; }
[ "$fail" = 0 ] && echo "jars: Automatic-Module-Name, sources, javadoc and the contracts test-jar are in place"
exit "$fail"
