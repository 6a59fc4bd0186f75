#!/usr/bin/env bash
# The growth table: the same benchmark (bench/run.sh) at several catalogue sizes, and how each scenario's cost grows
# with the catalogue. Catalogue reads must grow at most logarithmically: PostgreSQL CPU per list or search request at
# the largest size at most twice that at the smallest.
#
#   bench/growth.sh                                  # 10,000, 100,000 and 1,000,000 books (about 40 minutes)
#   BENCH_GROWTH_SIZES="10000 100000" bench/growth.sh
#   BENCH_QUICK=1 BENCH_GROWTH_SIZES="2000 20000" bench/growth.sh   # a smoke run of the script itself
#   BENCH_GROWTH_REPORT_ONLY=1 bench/growth.sh       # only rewrite the table from earlier runs
#
# Every other knob of bench/run.sh applies to each run. Writes bench/results/growth-<books>.md (each run's full report)
# and bench/results/growth.md (the table).
set -euo pipefail
cd "$(dirname "$0")/.."
RESULTS=bench/results
SIZES=${BENCH_GROWTH_SIZES:-10000 100000 1000000}

# BENCH_GROWTH_REPORT_ONLY=1 rewrites the table from the growth-<books>.md files already there.
for books in $SIZES; do
  [ "${BENCH_GROWTH_REPORT_ONLY:-0}" = 1 ] && break
  echo "[growth] $books books" >&2
  BENCH_BOOKS=$books bench/run.sh >/dev/null
  cp "$RESULTS/latest.md" "$RESULTS/growth-$books.md"
  cp "$RESULTS/latest-explain.txt" "$RESULTS/growth-$books-explain.txt" 2>/dev/null || true
done

# A report row: | scenario | req/s | p50 | p90 | p99 | answers | app CPU | PG CPU | ceiling | ratio | target | verdict |
field() { # file scenario-prefix column
  awk -F' *\\| *' -v s="$2" -v c="$3" 'index($2, s) == 1 { print $(c + 1); exit }' "$1"
}

{
  echo "# Growth table"
  echo
  echo "Written by \`bench/growth.sh\` on $(date -u +%Y-%m-%dT%H:%MZ) for sizes: $SIZES books. Each cell: req/s, p99 ms,"
  echo "PostgreSQL CPU ms per request, ratio to the run's own ceiling. Full reports: \`growth-<books>.md\`."
  echo
  printf '| scenario |'
  for books in $SIZES; do printf ' %s books |' "$books"; done
  echo ' PG CPU growth (largest ÷ smallest) |'
  printf '|---|'
  for _ in $SIZES; do printf -- '---|'; done
  echo '---:|'
  first=${SIZES%% *}
  last=${SIZES##* }
  for scenario in "product list" "product search" "product detail" "facets" "suggest" "cursor walk" "add to cart" "checkout"; do
    printf '| %s |' "$scenario"
    for books in $SIZES; do
      f="$RESULTS/growth-$books.md"
      printf ' %s req/s, p99 %s, PG %s, ratio %s |' "$(field "$f" "$scenario" 2)" "$(field "$f" "$scenario" 5)" \
        "$(field "$f" "$scenario" 8)" "$(field "$f" "$scenario" 10)"
    done
    small=$(field "$RESULTS/growth-$first.md" "$scenario" 8)
    large=$(field "$RESULTS/growth-$last.md" "$scenario" 8)
    awk -v a="$small" -v b="$large" 'BEGIN { if (a > 0) printf " %.2f× |\n", b / a; else print " n/a |" }'
  done
} >"$RESULTS/growth.md"
cat "$RESULTS/growth.md"
