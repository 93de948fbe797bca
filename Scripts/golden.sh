#!/usr/bin/env bash
# Captures the machine-readable outputs of every shipped scenario and every analysis verb into a
# directory, so that a refactor can be shown to keep results: run before and after, then diff.
#   ORBITAL=.build/release/orbital bash Scripts/golden.sh DIR
# Tests/CLITests/Golden/scenarios holds the committed capture; GoldenScenarioTests re-runs it.
set -euo pipefail
O=${ORBITAL:-.build/release/orbital}
out=${1:?usage: golden.sh DIR}
mkdir -p "$out"
while read -r name; do
  "$O" evaluate "$name" --format json > "$out/evaluate-$name.json"
done < <("$O" models | tail -n +3 | cut -d' ' -f1)
# The pairs each published analysis compares, plus the headline under every timing.
run() { local file=$1; shift; "$O" "$@" > "$out/$file"; }
run compare-headline.json compare orbital-1gw-dawn-dusk colossus-1 --format json
for t in instant window; do
  run compare-headline-$t.json compare orbital-1gw-dawn-dusk colossus-1 --set both:finance.deployment_timing=$t --format json
done
run compare-mccalip.json compare mccalip-1gw-orbit mccalip-1gw-ground --format json
run compare-starcloud.json compare starcloud-40mw-orbit starcloud-40mw-ground --format json
run published.json published --format json
run breakeven-launch.json breakeven orbital-1gw-dawn-dusk --solve launch.cost_per_kg_usd --format json
run breakeven-energy.json breakeven orbital-1gw-dawn-dusk colossus-1 --solve energy.price_usd_per_mwh --format json
run sensitivity.json sensitivity orbital-1gw-dawn-dusk --samples 64 --format json
run montecarlo.json montecarlo orbital-1gw-dawn-dusk --draws 2000 --seed 1 --format json
# Past 100,000 draws the percentiles are streamed (P²).
run montecarlo-streamed.json montecarlo orbital-1gw-dawn-dusk --draws 150000 --seed 1 --quiet --format json
run sweep.csv sweep orbital-1gw-dawn-dusk --vary launch.cost_per_kg_usd=20:2000:7:log --vary thermal.radiator_temperature_k=300:340:3 --ratio
run sweep-accelerators.jsonl sweep orbital-1gw-dawn-dusk --vary compute.accelerator=h100,b200 --vary launch.cost_per_kg_usd=100,500 --format json
run timeline.json timeline orbital-1gw-dawn-dusk --format json
run links.csv links --distance-m 100,200,1000,10000,100000 --format csv
run latency.json latency orbital-1gw-dawn-dusk --format json
