#!/usr/bin/env bash
# Builds the kernel's start-up cache: startup-cache.sh JAVA ARGS_FILE OUT_DIR
#
# Trains it by running ttlab.grader.StartupCacheTraining with the kernel's JVM options
# (@ARGS_FILE, which must not name a cache yet): an AOT cache on JDK 25+, a dynamic AppCDS
# archive before. Then it checks that the JVM really maps the cache (-XX:AOTMode=on or
# -Xshare:on make an unusable cache an error instead of a silent slow start) and prints the
# option that uses it. Exit status 1, with the reason in OUT_DIR/training.log, when either fails.
set -euo pipefail
java="$1" args="$2" out="$3"
major="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
mkdir -p "$out"
log="$out/training.log"
if [[ "$major" -ge 25 ]]; then
  cache="$out/kernel.aot"
  train=(-XX:AOTCacheOutput="$cache") use="-XX:AOTCache=$cache" strict=(-XX:AOTMode=on)
else
  cache="$out/kernel.jsa"
  train=(-XX:ArchiveClassesAtExit="$cache") use="-XX:SharedArchiveFile=$cache" strict=(-Xshare:on)
fi
rm -f "$cache"
if ! "$java" "${train[@]}" "@$args" ttlab.grader.StartupCacheTraining >"$log" 2>&1 || [[ ! -s "$cache" ]]; then
  echo "training the start-up cache failed" >>"$log"
  exit 1
fi
if ! "$java" "@$args" "$use" "${strict[@]}" -version >>"$log" 2>&1; then
  echo "the start-up cache was built but Java $major cannot map it" >>"$log"
  exit 1
fi
echo "$use"
