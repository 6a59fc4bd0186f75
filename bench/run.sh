#!/usr/bin/env bash
# The Bookshop performance benchmark (docs/PERFORMANCE.md): seeds a PostgreSQL database with a realistic catalogue,
# measures the ceilings of this machine (the shop's own stack doing nothing, or one primary-key query; pgbench read
# and write), then drives the shop over loopback with wrk, scenario by scenario, and writes bench/results/latest.md.
#
#   bench/run.sh                      # the full run (about 12 minutes at 10,000 books)
#   BENCH_QUICK=1 bench/run.sh        # a short smoke run (5 s per scenario, small seed)
#
# Knobs (environment): PGHOST, PGPORT, PGUSER (the PostgreSQL to use: 127.0.0.1, 5432, postgres; the script drops and
# recreates the databases bookshop_bench and bookshop_pgbench there), BENCH_DURATION (seconds per measured scenario,
# 20), BENCH_WARMUP (seconds of warm-up per shop scenario, 12, five scenarios), BENCH_CONNECTIONS (64), BENCH_THREADS
# (wrk threads, 2), BENCH_BOOKS (10000), BENCH_SHOPPERS (1000), BENCH_BUYERS (checkout customers, 40000),
# BENCH_DISCOUNTERS (the discount race's buyers, 100), BENCH_DISCOUNT_USES (the race code's redemptions, 10),
# BENCH_ONLY=discount-race (seed a small shop, run the discount race alone and stop: about a minute),
# BENCH_POOL_SIZE (DB_POOL_SIZE for the shop and the ceiling server; unset: the shop's default), BENCH_JAVA_OPTS (extra
# JVM flags), BENCH_JFR=1 (a flight recording per measured shop scenario, summarised in
# bench/results/raw/*.profile.txt), BENCH_BUILD=1 (rebuild the server jar even if it exists), BENCH_KEEP_DB=1 (keep the
# databases afterwards), BENCH_SEED_ONLY=1 (seed $DB, write the plans of bench/explain.sql and bench/facets-explain.sql
# to bench/results/raw, keep the database, and stop: no load).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
if [ "${BENCH_QUICK:-0}" = 1 ]; then
  : "${BENCH_DURATION:=5}" "${BENCH_WARMUP:=3}" "${BENCH_BOOKS:=10000}" "${BENCH_BUYERS:=8000}"
fi
if [ "${BENCH_ONLY:-}" = discount-race ]; then
  : "${BENCH_BOOKS:=1000}" "${BENCH_SHOPPERS:=1}" "${BENCH_BUYERS:=1}"
fi
DURATION=${BENCH_DURATION:-20}
WARMUP=${BENCH_WARMUP:-12}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
BOOKS=${BENCH_BOOKS:-10000}
SHOPPERS=${BENCH_SHOPPERS:-1000}
BUYERS=${BENCH_BUYERS:-40000}
RACERS=200
RACE_STOCK=20
[ "${BENCH_ONLY:-}" != discount-race ] || { RACERS=1; RACE_STOCK=1; }
DISCOUNTERS=${BENCH_DISCOUNTERS:-100}
DISCOUNT_USES=${BENCH_DISCOUNT_USES:-10}
PORT=${BENCH_PORT:-18080}
CEILING_PORT=${BENCH_CEILING_PORT:-18081}
DB=bookshop_bench
PGBENCH_DB=bookshop_pgbench
JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
JWT_SECRET="bench-only-secret-0123456789abcdef-0123456789abcdef"
# Class data sharing: the first start writes an archive of the classes it loaded, later starts map it (JDK 19+).
CDS_FLAGS="-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=bench/work/bookshop.jsa"
JVM_FLAGS="-Xmx256m${BENCH_JAVA_OPTS:+ $BENCH_JAVA_OPTS}"

WORK=$ROOT/bench/work
RESULTS=$ROOT/bench/results
RAW=$RESULTS/raw
JAR=$ROOT/bootstrap/target/bookshop.jar
RUN_STARTED=$(date +%s)

log() { echo "[bench $(date +%T)] $*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# --- tools ----------------------------------------------------------------------------------------------------------
install_debian() { # package...
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  command -v apt-get >/dev/null || die "install $* (no apt-get here)"
  log "installing $* with apt-get"
  $sudo apt-get update -qq >/dev/null && $sudo apt-get install -y -qq "$@" >/dev/null
}
[ "${BENCH_ONLY:-}" = discount-race ] || command -v wrk >/dev/null || install_debian wrk
command -v psql >/dev/null && command -v pgbench >/dev/null || install_debian postgresql-client
command -v curl >/dev/null || install_debian curl
psql -d postgres -qAtc 'select 1' >/dev/null || die "no PostgreSQL answers at $PGHOST:$PGPORT as $PGUSER"

JAVA_HOME=$(bin/with-jdk sh -c 'echo "$JAVA_HOME"')
JAVA=$JAVA_HOME/bin/java
if [ ! -f "$JAR" ] || [ "${BENCH_BUILD:-0}" = 1 ]; then
  log "building the server jar"
  bin/with-jdk ./mvnw -q -B -DskipTests package
fi
# The bench tools run on the server jar's classpath: exactly the shop's libraries, nothing to resolve.
rm -rf "$WORK" "$RAW"
mkdir -p "$WORK/classes" "$RAW"
"$JAVA_HOME/bin/javac" --release 21 -nowarn -d "$WORK/classes" -cp "$JAR" $(find bench/src/main/java -name '*.java')
BENCH_CP="$WORK/classes:$JAR"

# --- processes ------------------------------------------------------------------------------------------------------
SERVER_PID=""
CEILING_PID=""
stop_pid() { # pid
  [ -n "$1" ] && kill -0 "$1" 2>/dev/null || return 0
  kill "$1" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$1" 2>/dev/null || true
}
cleanup() {
  stop_pid "$SERVER_PID"
  stop_pid "$CEILING_PID"
  if [ "${BENCH_KEEP_DB:-0}" != 1 ]; then
    psql -d postgres -qc "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
    psql -d postgres -qc "drop database if exists $PGBENCH_DB with (force)" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# CPU time in clock ticks: of one process ($1), or of the whole PostgreSQL server (every child of the postmaster, plus
# what the postmaster collected from children that ended, such as pgbench's connections). Empty when unreadable.
TICK=$(getconf CLK_TCK)
POSTMASTER=$(ps -o ppid= -p "$(psql -d postgres -qAtc "select pid from pg_stat_activity where backend_type = 'checkpointer'" 2>/dev/null)" 2>/dev/null | tr -d ' ' || true)
cpu_of() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || true; }
pg_cpu() {
  [ -n "$POSTMASTER" ] && [ -r "/proc/$POSTMASTER/stat" ] || { echo ""; return; }
  { awk '{ print $14 + $15 + $16 + $17 }' "/proc/$POSTMASTER/stat"
    for child in $(ps --ppid "$POSTMASTER" -o pid=); do awk '{ print $14 + $15 }' "/proc/$child/stat" 2>/dev/null || true; done
  } | awk '{ sum += $1 } END { print sum }'
}
per_request_ms() { # ticks-before ticks-after requests
  [ -n "$1" ] && [ -n "$2" ] && [ "${3:-0}" -gt 0 ] || { echo "-"; return; }
  awk -v a="$1" -v b="$2" -v n="$3" -v t="$TICK" 'BEGIN { printf "%.2f", (b - a) * 1000 / t / n }'
}

# Waits until $1 answers 200; prints the milliseconds since $2 (a now_ms); fails if process $3 dies.
wait_for() {
  local url=$1 since=$2 pid=$3
  for _ in $(seq 1 3000); do
    if curl -fso /dev/null --max-time 1 "$url"; then
      echo $(( $(now_ms) - since ))
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || die "process $pid stopped before answering $url (see $RAW)"
    sleep 0.01
  done
  die "$url did not answer within 30 s"
}

start_shop() { # log name; sets SERVER_PID and STARTUP_MS
  local started
  started=$(now_ms)
  env PORT="$PORT" DATABASE_URL="$JDBC_URL" DATABASE_USER="$PGUSER" JWT_SECRET="$JWT_SECRET" \
    ACCESS_TOKEN_TTL=PT4H SEED_DEMO_DATA=false ALLOW_FAKE_PAYMENTS=true ${BENCH_POOL_SIZE:+DB_POOL_SIZE=$BENCH_POOL_SIZE} \
    "$JAVA" $JVM_FLAGS $CDS_FLAGS -jar "$JAR" >"$RAW/$1.log" 2>&1 &
  SERVER_PID=$!
  STARTUP_MS=$(wait_for "http://127.0.0.1:$PORT/api/v1/products?size=1" "$started" "$SERVER_PID")
}

# --- measuring ------------------------------------------------------------------------------------------------------
declare -A RPS P50 P90 P99 NON2XX STATUSES APP_CPU DB_CPU
# Runs wrk; $1 name, $2 port, $3 script, $4 seconds, then VAR=value pairs for the script. Records the RESULT line.
drive() {
  local name=$1 port=$2 script=$3 seconds=$4
  shift 4
  local jfr=""
  if [ "${BENCH_JFR:-0}" = 1 ] && [ -n "$SERVER_PID" ] && [[ $name != warm-* ]]; then
    jfr="$RAW/$name.jfr"
    "$JAVA_HOME/bin/jcmd" "$SERVER_PID" JFR.start name="$name" settings=profile filename="$jfr" >/dev/null
  fi
  local sampler=""
  if [ -n "$SERVER_PID" ] && [[ $name != warm-* ]]; then
    ( sleep $(( seconds / 2 )); sample_memory "$name" ) &
    sampler=$!
  fi
  local app_pid=${SERVER_PID:-$CEILING_PID} app_before db_before
  app_before=$(cpu_of "$app_pid")
  db_before=$(pg_cpu)
  if [ "$script" = cursor-walk ]; then
    # Walks follow each answer's cursor, which wrk's scripts cannot pair with their connection: a Java walker does.
    # A quarter of the connections walk, so that each walk gets hundreds of pages deep within the scenario's time.
    "$JAVA" -cp "$BENCH_CP" dev.bookshop.bench.CursorWalk "http://127.0.0.1:$port" "$WORK/paths-walk.txt" \
      "$(( CONNECTIONS / 4 ))" "$seconds" >"$RAW/$name.txt" 2>&1 || die "cursor walk $name failed: $(tail -3 "$RAW/$name.txt")"
  else
    env BENCH_LUA="$ROOT/bench/wrk" BENCH_THREADS="$THREADS" "$@" \
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s --latency -s "bench/wrk/$script" \
      "http://127.0.0.1:$port" >"$RAW/$name.txt" 2>&1 || die "wrk $name failed: $(tail -3 "$RAW/$name.txt")"
  fi
  local app_after db_after
  app_after=$(cpu_of "$app_pid")
  db_after=$(pg_cpu)
  [ -z "$sampler" ] || wait "$sampler"
  if [ -n "$jfr" ]; then
    "$JAVA_HOME/bin/jcmd" "$SERVER_PID" JFR.stop name="$name" >/dev/null
    JAVA_HOME=$JAVA_HOME bench/jfr-summary.sh "$jfr" >"$RAW/$name.profile.txt" 2>&1 || true
  fi
  local result
  result=$(grep '^RESULT' "$RAW/$name.txt") || die "no result from wrk $name: $(tail -3 "$RAW/$name.txt")"
  RPS[$name]=$(field rps "$result")
  P50[$name]=$(field p50_ms "$result")
  P90[$name]=$(field p90_ms "$result")
  P99[$name]=$(field p99_ms "$result")
  NON2XX[$name]=$(field non2xx "$result")
  STATUSES[$name]=$(echo "$result" | grep -oE '(^| )s[0-9]+=[0-9]+' | sed 's/^ //' | tr '\n' ' ' | sed 's/ $//')
  local requests
  requests=$(field requests "$result")
  APP_CPU[$name]=$(per_request_ms "$app_before" "$app_after" "$requests")
  DB_CPU[$name]=$(per_request_ms "$db_before" "$db_after" "$requests")
  log "$name: ${RPS[$name]} req/s, p50 ${P50[$name]} ms, p99 ${P99[$name]} ms, ${STATUSES[$name]}," \
    "CPU per request: app ${APP_CPU[$name]} ms, PostgreSQL ${DB_CPU[$name]} ms"
}
field() { echo "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"; }

sample_memory() { # scenario
  local rss heap
  rss=$(ps -o rss= -p "$SERVER_PID" | tr -d ' ')
  heap=$("$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.heap_info 2>/dev/null | grep -m1 -i 'total' | sed 's/^ *//')
  echo "$1|$(( rss / 1024 ))|$heap" >>"$RAW/memory.txt"
}

pgbench_tps() { # name, pgbench args...
  local name=$1 db_before db_after
  shift
  db_before=$(pg_cpu)
  pgbench "$@" "$PGBENCH_DB" >"$RAW/$name.txt" 2>&1 || die "pgbench $name failed: $(tail -3 "$RAW/$name.txt")"
  db_after=$(pg_cpu)
  RPS[$name]=$(sed -n "s/^tps = \([0-9]*\.[0-9]\).* (without initial connection time)/\1/p" "$RAW/$name.txt")
  P50[$name]=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$RAW/$name.txt")
  DB_CPU[$name]=$(per_request_ms "$db_before" "$db_after" "$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$RAW/$name.txt")")
  APP_CPU[$name]="-"
  log "$name: ${RPS[$name]} tps, latency average ${P50[$name]} ms, PostgreSQL CPU per transaction ${DB_CPU[$name]} ms"
}

# The discount race: every discounter checks out at once, each cart holding one book and the race code, which allows
# DISCOUNT_USES redemptions. Sets DISCOUNT_RACE (the status counts), DISCOUNT_ORDERS (orders carrying the code),
# DISCOUNT_REDEEMED (the code's times_redeemed), OVER_REDEEMED and DISCOUNT_OK.
discount_race() {
  log "discount race: $DISCOUNTERS buyers, a code for $DISCOUNT_USES"
  DISCOUNT_RACE=$("$JAVA" -cp "$BENCH_CP" dev.bookshop.bench.LastCopiesRace "http://127.0.0.1:$PORT" "$WORK/tokens-discounters.txt")
  DISCOUNT_ORDERS=$(psql -d "$DB" -qAtc "select count(*) from orders where discount_code = 'BENCH-RACE'")
  DISCOUNT_REDEEMED=$(psql -d "$DB" -qAtc "select times_redeemed from discount_codes where code = 'BENCH-RACE'")
  local expected=$(( DISCOUNTERS < DISCOUNT_USES ? DISCOUNTERS : DISCOUNT_USES ))
  OVER_REDEEMED=$(( DISCOUNT_ORDERS > DISCOUNT_USES ? DISCOUNT_ORDERS - DISCOUNT_USES : 0 ))
  DISCOUNT_OK=no
  [ "$OVER_REDEEMED" = 0 ] && [ "$DISCOUNT_ORDERS" = "$expected" ] && [ "$DISCOUNT_REDEEMED" = "$expected" ] \
    && DISCOUNT_OK=yes
  log "$DISCOUNT_RACE; orders with the code $DISCOUNT_ORDERS, times redeemed $DISCOUNT_REDEEMED, over-redemptions $OVER_REDEEMED: $DISCOUNT_OK"
}

# --- 1. a fresh database, migrated by the shop's first start, then seeded -------------------------------------------
log "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
psql -d postgres -qc "drop database if exists $DB with (force)" >/dev/null
psql -d postgres -qc "create database $DB" >/dev/null
start_shop server-first-start
FIRST_START_MS=$STARTUP_MS
log "first start (empty database, Flyway migrates): first answer after $FIRST_START_MS ms"
stop_pid "$SERVER_PID"
SERVER_PID=""

log "seeding $BOOKS books, $SHOPPERS shoppers, $RACERS racers, $BUYERS buyers"
env DATABASE_USER="$PGUSER" JWT_SECRET="$JWT_SECRET" BENCH_BOOKS="$BOOKS" BENCH_SHOPPERS="$SHOPPERS" \
  BENCH_RACERS="$RACERS" BENCH_RACE_STOCK="$RACE_STOCK" BENCH_BUYERS="$BUYERS" \
  BENCH_DISCOUNTERS="$DISCOUNTERS" BENCH_DISCOUNT_USES="$DISCOUNT_USES" \
  "$JAVA" -cp "$BENCH_CP" dev.bookshop.bench.Seeder "$JDBC_URL" "$WORK" | tee "$RAW/seed.txt" >&2
SEEDED=$(head -1 "$RAW/seed.txt")
if [ "${BENCH_SEED_ONLY:-0}" = 1 ]; then
  BENCH_KEEP_DB=1
  psql -d "$DB" -v category="$(psql -d "$DB" -qAtc "select slug from categories order by slug limit 1")" \
    -v race_book="$(cat "$WORK/race-book.txt")" -f bench/explain.sql >"$RAW/explain.txt" 2>&1 || log "explain failed: see $RAW/explain.txt"
  psql -d "$DB" -f bench/facets-explain.sql >"$RAW/facets-explain.txt" 2>&1 \
    || log "facets explain failed: see $RAW/facets-explain.txt"
  log "seeded and kept $DB; plans in $RAW/explain.txt and $RAW/facets-explain.txt"
  exit 0
fi

if [ "${BENCH_ONLY:-}" = discount-race ]; then
  start_shop server
  discount_race
  stop_pid "$SERVER_PID"
  SERVER_PID=""
  echo "Discount race: $DISCOUNT_RACE; orders carrying the code: $DISCOUNT_ORDERS of $DISCOUNT_USES allowed," \
    "times redeemed $DISCOUNT_REDEEMED, over-redemptions $OVER_REDEEMED → $([ "$DISCOUNT_OK" = yes ] && echo "none over" || echo "WRONG")."
  [ "$DISCOUNT_OK" = yes ]
  exit
fi

# Checkout buyers: the warm-up takes a share proportional to its time, the measured run the rest.
WARM_BUYERS=$(( BUYERS * WARMUP / (WARMUP + DURATION) ))
head -n "$WARM_BUYERS" "$WORK/tokens-buyers.txt" >"$WORK/tokens-buyers-warm.txt"
tail -n +"$(( WARM_BUYERS + 1 ))" "$WORK/tokens-buyers.txt" >"$WORK/tokens-buyers-run.txt"

# --- 2. ceilings: pgbench ---------------------------------------------------------------------------------------------
log "pgbench ceilings"
psql -d postgres -qc "drop database if exists $PGBENCH_DB with (force)" >/dev/null
psql -d postgres -qc "create database $PGBENCH_DB" >/dev/null
# Scale 16 for 16 clients, so the write ceiling is not a queue on a single branch row.
pgbench -i -q -s 16 "$PGBENCH_DB" >"$RAW/pgbench-init.txt" 2>&1
pgbench -S -M prepared -c 16 -j 2 -T 5 "$PGBENCH_DB" >/dev/null 2>&1
pgbench_tps pgbench-read -S -M prepared -c 16 -j 2 -T "$DURATION"
pgbench_tps pgbench-write -c 16 -j 2 -T "$DURATION"
psql -d postgres -qc "drop database if exists $PGBENCH_DB with (force)" >/dev/null

# --- 3. ceilings: the shop's stack doing the least ------------------------------------------------------------------
log "ceiling server"
started=$(now_ms)
env PORT="$CEILING_PORT" DATABASE_URL="$JDBC_URL" DATABASE_USER="$PGUSER" ${BENCH_POOL_SIZE:+DB_POOL_SIZE=$BENCH_POOL_SIZE} \
  "$JAVA" $JVM_FLAGS -cp "$BENCH_CP" dev.bookshop.bench.CeilingServer >"$RAW/ceiling-server.log" 2>&1 &
CEILING_PID=$!
wait_for "http://127.0.0.1:$CEILING_PORT/ceiling/constant" "$started" "$CEILING_PID" >/dev/null
echo /ceiling/constant >"$WORK/paths-constant.txt"
drive warm-constant "$CEILING_PORT" get.lua "$WARMUP" BENCH_PATHS="$WORK/paths-constant.txt"
drive warm-pk "$CEILING_PORT" get.lua "$WARMUP" BENCH_PATHS="$WORK/paths-pk.txt"
drive ceiling-constant "$CEILING_PORT" get.lua "$DURATION" BENCH_PATHS="$WORK/paths-constant.txt"
drive ceiling-pk "$CEILING_PORT" get.lua "$DURATION" BENCH_PATHS="$WORK/paths-pk.txt"
stop_pid "$CEILING_PID"
CEILING_PID=""

# --- 4. the shop ------------------------------------------------------------------------------------------------------
start_shop server
log "start against a migrated, seeded database: first answer after $STARTUP_MS ms"
RESTART_MS=$STARTUP_MS
reset_shopper_carts() {
  psql -d "$DB" -qc "delete from carts where user_id in (select id from users where email like 'shopper-%')" >/dev/null
}
log "warming up the shop: 8 x $WARMUP s"
drive warm-list "$PORT" get.lua "$WARMUP" BENCH_PATHS="$WORK/paths-list.txt"
drive warm-search "$PORT" get.lua "$WARMUP" BENCH_PATHS="$WORK/paths-search.txt"
drive warm-detail "$PORT" get.lua "$WARMUP" BENCH_PATHS="$WORK/paths-detail.txt"
drive warm-facets "$PORT" get.lua "$WARMUP" BENCH_PATHS="$WORK/paths-facets.txt"
drive warm-suggest "$PORT" get.lua "$WARMUP" BENCH_PATHS="$WORK/paths-suggest.txt"
drive warm-walk "$PORT" cursor-walk "$WARMUP"
drive warm-cart "$PORT" cart.lua "$WARMUP" BENCH_TOKENS="$WORK/tokens-shoppers.txt" \
  BENCH_PRODUCTS="$WORK/products-cart.txt"
drive warm-checkout "$PORT" checkout.lua "$WARMUP" BENCH_TOKENS="$WORK/tokens-buyers-warm.txt"

log "measuring the shop: $DURATION s per scenario, $CONNECTIONS connections"
drive list "$PORT" get.lua "$DURATION" BENCH_PATHS="$WORK/paths-list.txt"
drive search "$PORT" get.lua "$DURATION" BENCH_PATHS="$WORK/paths-search.txt"
drive detail "$PORT" get.lua "$DURATION" BENCH_PATHS="$WORK/paths-detail.txt"
drive facets "$PORT" get.lua "$DURATION" BENCH_PATHS="$WORK/paths-facets.txt"
drive suggest "$PORT" get.lua "$DURATION" BENCH_PATHS="$WORK/paths-suggest.txt"
drive walk "$PORT" cursor-walk "$DURATION"
WALK=$(grep '^WALK' "$RAW/walk.txt" || echo "WALK none")
reset_shopper_carts
drive cart "$PORT" cart.lua "$DURATION" BENCH_TOKENS="$WORK/tokens-shoppers.txt" \
  BENCH_PRODUCTS="$WORK/products-cart.txt"
drive checkout "$PORT" checkout.lua "$DURATION" BENCH_TOKENS="$WORK/tokens-buyers-run.txt"

log "last-copies race: $RACERS buyers, $RACE_STOCK copies"
RACE_BOOK=$(cat "$WORK/race-book.txt")
RACE=$("$JAVA" -cp "$BENCH_CP" dev.bookshop.bench.LastCopiesRace "http://127.0.0.1:$PORT" "$WORK/tokens-racers.txt")
RACE_STOCK_LEFT=$(psql -d "$DB" -qAtc "select stock from products where id = '$RACE_BOOK'")
RACE_ORDERS=$(psql -d "$DB" -qAtc "select count(distinct order_id) from order_items where product_id = '$RACE_BOOK'")
RACE_COPIES=$(psql -d "$DB" -qAtc "select coalesce(sum(quantity), 0) from order_items where product_id = '$RACE_BOOK'")
NEGATIVE=$(psql -d "$DB" -qAtc "select count(*) from products where stock < 0")
RACE_OK=no
[ "$RACE_ORDERS" = "$RACE_STOCK" ] && [ "$RACE_COPIES" = "$RACE_STOCK" ] && [ "$RACE_STOCK_LEFT" = 0 ] \
  && [ "$NEGATIVE" = 0 ] && RACE_OK=yes
log "$RACE; orders $RACE_ORDERS, copies sold $RACE_COPIES, stock left $RACE_STOCK_LEFT, negative stocks $NEGATIVE: $RACE_OK"
discount_race

sample_memory idle-after-load
HEAP_FINAL=$("$JAVA_HOME/bin/jcmd" "$SERVER_PID" GC.heap_info 2>/dev/null || true)
echo "$HEAP_FINAL" >"$RAW/heap-final.txt"
CHECKOUT_ORDERS=$(psql -d "$DB" -qAtc "select count(*) from orders")
PAID_ORDERS=$(psql -d "$DB" -qAtc "select count(*) from orders where status = 'PAID'")

log "query plans"
CATEGORY=$(psql -d "$DB" -qAtc "select slug from categories order by slug limit 1")
psql -d "$DB" -v category="$CATEGORY" -v race_book="$RACE_BOOK" -f bench/explain.sql >"$RAW/explain.txt" 2>&1 \
  || log "explain failed: see $RAW/explain.txt"
psql -d "$DB" -f bench/facets-explain.sql >"$RAW/facets-explain.txt" 2>&1 \
  || log "facets explain failed: see $RAW/facets-explain.txt"
stop_pid "$SERVER_PID"
SERVER_PID=""

# --- 5. the table ---------------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
# verdict figure ceiling min-ratio [p99 max-p99]
verdict() {
  awk -v a="$1" -v b="$2" -v r="$3" -v p="${4:-0}" -v m="${5:-0}" \
    'BEGIN { ok = (b > 0 && a / b >= r) && (m == 0 || p < m); print ok ? "met" : "missed" }'
}
row() { # label name ceiling-name target-text verdict
  echo "| $1 | ${RPS[$2]} | ${P50[$2]} | ${P90[$2]} | ${P99[$2]} | ${STATUSES[$2]} | ${APP_CPU[$2]} | ${DB_CPU[$2]} | ${3:+${RPS[$3]} ($3)} | ${3:+$(ratio "${RPS[$2]}" "${RPS[$3]}")} | $4 | $5 |"
}
# A read scenario meets its target only with every answer a 200: no 503, no error.
read_verdict() { # name min-ratio [max-p99]
  [ "${NON2XX[$1]}" = 0 ] && verdict "${RPS[$1]}" "${RPS[ceiling-pk]}" "$2" "${P99[$1]}" "${3:-0}" || echo missed
}
CHECKOUT_UNEXPECTED=$(echo "${STATUSES[checkout]}" | tr ' ' '\n' | grep -v -e '^s201=' -e '^s409=' | grep -c . || true)
CART_OK=$([ "${NON2XX[cart]}" = 0 ] && verdict "${RPS[cart]}" "${RPS[pgbench-write]}" 0.60 "${P99[cart]}" 100 || echo missed)
CHECKOUT_OK=$([ "$CHECKOUT_UNEXPECTED" = 0 ] && [ "$RACE_OK" = yes ] && [ "$DISCOUNT_OK" = yes ] \
  && verdict "${RPS[checkout]}" "${RPS[pgbench-write]}" 0.30 || echo missed)
MAX_RSS=$(cut -d'|' -f2 "$RAW/memory.txt" | sort -n | tail -1)
ELAPSED=$(( $(date +%s) - RUN_STARTED ))
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "# Benchmark results"
  echo
  echo "Written by \`bench/run.sh\` on $(date -u +%Y-%m-%dT%H:%MZ) in ${ELAPSED} s."
  echo
  echo "- Machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -m | awk '/^Mem:/ {print $2}') MiB memory;"
  echo "  load average before $LOAD_BEFORE, after $LOAD_AFTER (other work on the machine shares the cores)."
  echo "- JVM: $("$JAVA" -version 2>&1 | sed -n 2p), flags \`$JVM_FLAGS\` (the shop also \`$CDS_FLAGS\`); PostgreSQL $(psql -d postgres -qAtc 'show server_version')."
  echo "- Load: wrk, $THREADS threads, $CONNECTIONS connections, ${DURATION} s per scenario after ${WARMUP} s of warm-up each"
  echo "  (8 shop scenarios: $(( 8 * WARMUP )) s in all), over loopback; pgbench 16 clients, 2 threads, ${DURATION} s, scale 16."
  echo "- Data: $SEEDED"
  echo "- Start to first answered request: $RESTART_MS ms (migrated database); $FIRST_START_MS ms on the very first start"
  echo "  (empty database, Flyway creates the schema)."
  echo "- Memory: RSS up to ${MAX_RSS} MiB under load (-Xmx256m); samples below."
  echo
  echo "| scenario | req/s | p50 ms | p90 ms | p99 ms | answers | app CPU ms/req | PG CPU ms/req | ceiling req/s | ratio | target | verdict |"
  echo "|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---|---|"
  row "product list (page of 20, total, categories)" list ceiling-pk "≥ 0.50 × one-query, p99 < 50 ms" \
    "$(read_verdict list 0.50 50)"
  row "product search" search ceiling-pk "≥ 0.25 × one-query, p99 < 100 ms" "$(read_verdict search 0.25 100)"
  row "product detail" detail ceiling-pk "≥ 0.75 × one-query, p99 < 50 ms" "$(read_verdict detail 0.75 50)"
  row "facets (list filters or a search)" facets ceiling-pk "p99 < 100 ms" "$(read_verdict facets 0 100)"
  row "suggest (2-6 typed letters)" suggest ceiling-pk "p99 < 30 ms" "$(read_verdict suggest 0 30)"
  row "cursor walk (pages of 50, followed to any depth; $(( CONNECTIONS / 4 )) walkers)" walk ceiling-pk "no error; deep pages as fast as the first" \
    "$(read_verdict walk 0)"
  row "add to cart" cart pgbench-write "≥ 0.60 × pgbench write, p99 < 100 ms, no errors" "$CART_OK"
  row "checkout" checkout pgbench-write "≥ 0.30 × pgbench write, only 201/409" "$CHECKOUT_OK"
  row "ceiling: constant JSON (same stack)" ceiling-constant "" "" ""
  row "ceiling: one primary-key query (same stack)" ceiling-pk "" "" ""
  echo "| ceiling: pgbench -S -M prepared -c 16 | ${RPS[pgbench-read]} | avg ${P50[pgbench-read]} | | | | | ${DB_CPU[pgbench-read]} | | | | |"
  echo "| ceiling: pgbench -c 16 (TPC-B writes) | ${RPS[pgbench-write]} | avg ${P50[pgbench-write]} | | | | | ${DB_CPU[pgbench-write]} | | | | |"
  echo
  echo "- Cursor walk: $WALK (deep pages: page $(( 100 )) and later, 5,000 books in and more)."
  echo "- Last-copies race: $RACE; orders holding the race book: $RACE_ORDERS, copies sold: $RACE_COPIES,"
  echo "  stock left: $RACE_STOCK_LEFT, products with negative stock: $NEGATIVE → $([ "$RACE_OK" = yes ] && echo "no oversell" || echo "WRONG")."
  echo "- Discount race: $DISCOUNT_RACE; orders carrying the code: $DISCOUNT_ORDERS of $DISCOUNT_USES allowed, times"
  echo "  redeemed $DISCOUNT_REDEEMED, over-redemptions: $OVER_REDEEMED → $([ "$DISCOUNT_OK" = yes ] && echo "none over" || echo "WRONG")."
  echo "- Orders in the database after the run: $CHECKOUT_ORDERS ($PAID_ORDERS paid)."
  echo "- Start-up: first answer $RESTART_MS ms after launch — $([ "$RESTART_MS" -le 3000 ] && echo met || echo missed) (target ≤ 3 s)."
  echo
  echo "Memory samples (scenario | RSS MiB | heap):"
  echo
  echo '```'
  cat "$RAW/memory.txt"
  echo '```'
} >"$RESULTS/latest.md"
cp "$RAW/explain.txt" "$RESULTS/latest-explain.txt" 2>/dev/null || true
cp "$RAW/facets-explain.txt" "$RESULTS/latest-facets-explain.txt" 2>/dev/null || true
log "done in ${ELAPSED} s: $RESULTS/latest.md"
cat "$RESULTS/latest.md"
