#!/usr/bin/env bash
# Summarises the CPU samples of a flight recording: the share of samples whose stack passes through each part of
# the stack (inclusive, so the shares add up to more than 100%), then the hottest methods.
#   bench/jfr-summary.sh recording.jfr
set -euo pipefail
JFR=${JFR:-jfr}
[ -x "${JAVA_HOME:-}/bin/jfr" ] && JFR=$JAVA_HOME/bin/jfr
"$JFR" print --events jdk.ExecutionSample --stack-depth 96 "$1" | awk '
  function flush() {
    if (!inside) return
    samples++
    for (part in seen) hits[part]++
    delete seen
  }
  /jdk.ExecutionSample/ { flush(); inside = 1; next }
  inside && /line:/ {
    frame = $1
    if (frame ~ /^com\.fasterxml\.jackson/) seen["JSON (Jackson)"] = 1
    else if (frame ~ /^com\.nimbusds/) seen["JWT (Nimbus)"] = 1
    else if (frame ~ /^org\.postgresql/) seen["JDBC driver (pgjdbc)"] = 1
    else if (frame ~ /^com\.zaxxer/) seen["connection pool (HikariCP)"] = 1
    else if (frame ~ /^org\.jooq\.impl\.DefaultRenderContext/) { seen["jOOQ"] = 1; seen["jOOQ: rendering SQL"] = 1 }
    else if (frame ~ /^org\.jooq/) seen["jOOQ"] = 1
    else if (frame ~ /^ch\.qos\.logback/) seen["logging (Logback)"] = 1
    else if (frame ~ /^dev\.bookshop\.domain/) seen["bookshop domain"] = 1
    else if (frame ~ /^dev\.bookshop\.application/) seen["bookshop use cases"] = 1
    else if (frame ~ /^dev\.bookshop\.adapters\.web/) seen["bookshop web adapter"] = 1
    else if (frame ~ /^dev\.bookshop\.adapters\.persistence/) seen["bookshop jOOQ adapter"] = 1
    else if (frame ~ /^io\.javalin/) seen["Javalin"] = 1
    else if (frame ~ /^org\.eclipse\.jetty/) seen["Jetty"] = 1
  }
  END {
    flush()
    printf "%d CPU samples\n", samples
    for (part in hits) printf "%5.1f%%  %s\n", 100 * hits[part] / samples, part | "sort -rn"
  }'
echo
"$JFR" view --width 140 hot-methods "$1" | sed -n '1,20p'
