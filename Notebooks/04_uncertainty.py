# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Uncertainty: which assumptions decide the verdict
#
# **Question.** How likely is orbit to be cheaper than Colossus 1 given what we do not know, and
# which uncertain inputs carry that uncertainty?
#
# **Assumptions.** The shipped scenarios. The orbital scenario declares distributions for its
# uncertain inputs in its `uncertainty:` section (launch price, array cost and specific power,
# lifetime, failure rate, radiator temperature…); `orbital montecarlo` draws them (GSL mt19937,
# seed 1) and reports percentiles and P(orbit cheaper). `orbital sensitivity` moves each real input
# of both sides across its declared uncertainty (else the range its source documents, else ±25 %)
# for the tornado, and computes first-order and total Sobol indices over the declared inputs.
# `orbital breakeven` then asks how far each deciding input would have to go alone. Every number
# comes from the CLI.

# %%
import csv

import matplotlib.pyplot as plt
import numpy as np

from orbital_cli import FIGURES, has_verb, human, run_json, save

ORBIT, GROUND = "orbital-1gw-dawn-dusk", "colossus-1"
assert has_verb("montecarlo") and has_verb("sensitivity"), "this notebook needs orbital montecarlo and sensitivity (issue 6)"

# %% [markdown]
# ## Monte Carlo: the distribution of the cost ratio

# %%
draws_file = FIGURES / "04_draws.csv"
mc = run_json("montecarlo", ORBIT, GROUND, "--draws", "4000", "--seed", "1", "--draws-output", str(draws_file))
ratio = mc["percentiles"]["cost_ratio"]
print(f"{mc['draws']} draws ({mc['failed_draws']} failed) over: " + ", ".join(f"{k} ~ {v}" for k, v in mc["inputs"].items()))
print(f"cost ratio orbit/ground: p5 {human(ratio['p5'])}, median {human(ratio['p50'])}, p95 {human(ratio['p95'])}; "
      f"P(orbit cheaper) = {human(mc['probability_orbit_cheaper'])}")
with open(draws_file) as f:
    ratios = np.array([float(r["cost_ratio"]) for r in csv.DictReader(f) if r["cost_ratio"]])

fig, ax = plt.subplots(figsize=(8, 4.5))
ax.hist(ratios, bins=np.geomspace(min(ratios.min(), 0.9), ratios.max(), 60), color="#0072B2", alpha=0.85)
ax.set_xscale("log")
for (q, style), height in zip([("p5", ":"), ("p50", "-"), ("p95", ":")], [0.95, 0.85, 0.75]):
    ax.axvline(ratio[q], color="black", ls=style, lw=1)
    ax.text(ratio[q], ax.get_ylim()[1] * height, f" {q} {human(ratio[q])}", fontsize=9, va="top")
ax.axvline(1, color="darkred", ls="--", label="parity")
ax.set_xlabel("cost ratio orbit / ground [-] (log scale; < 1: orbit cheaper)")
ax.set_ylabel("draws [-]")
ax.set_title(f"Monte Carlo, {mc['draws']} draws: P(orbit cheaper) = {human(mc['probability_orbit_cheaper'])}")
ax.legend()
save(fig, "04_montecarlo")

# %% [markdown]
# ## Tornado and Sobol indices

# %%
sens = run_json("sensitivity", ORBIT, GROUND, "--samples", "512")
bars = sorted(sens["tornado"], key=lambda b: -b["swing"])[:12]
base = sens["base_value"]
fig, ax = plt.subplots(figsize=(9, 6))
for y, b in enumerate(bars):
    ax.barh(y, b["cost_ratio_at_low"] - base, left=base, color="#0072B2")
    ax.barh(y, b["cost_ratio_at_high"] - base, left=base, color="#E69F00")
ax.set_yticks(range(len(bars)), [f"{b['key']} ({b['range_source']})" for b in bars], fontsize=8)
ax.invert_yaxis()
ax.axvline(base, color="black", lw=1)
ax.axvline(1, color="darkred", ls="--", lw=1)
ax.set_xlim(0, max(max(b["cost_ratio_at_low"], b["cost_ratio_at_high"]) for b in bars) * 1.1)
ax.set_xlabel("cost ratio orbit / ground [-]")
ax.set_title("Tornado: blue = input at its low end, orange = high end; dashed = parity")
save(fig, "04_tornado")

indices = sorted(sens["sobol"]["indices"], key=lambda i: -i["total"])
fig, ax = plt.subplots(figsize=(9, 4.5))
x = np.arange(len(indices))
ax.bar(x - 0.2, [max(i["first_order"], 0) for i in indices], width=0.4, label="first order", color="#0072B2")
ax.bar(x + 0.2, [max(i["total"], 0) for i in indices], width=0.4, label="total", color="#E69F00")
ax.set_xticks(x, [i["key"] for i in indices], rotation=45, ha="right", fontsize=8)
ax.set_ylabel("share of the variance of the cost ratio [-]")
ax.set_title(f"Sobol indices ({sens['sobol']['samples']} base samples, {sens['sobol']['evaluations']} evaluations)")
ax.legend()
save(fig, "04_sobol")
for i in indices:
    print(f"{i['key']:48} first {human(i['first_order']):>8}  total {human(i['total']):>8}")

# %% [markdown]
# ## How far must each deciding input move, alone, to reach parity?
#
# `breakeven --solve KEY` solves on the orbital side when both scenarios have KEY, so each key
# is solved once.

# %%
flips = []
seen = set()
for b in bars:
    key = b["key"].removeprefix("ground:")
    if key in seen:
        continue
    seen.add(key)
    r = run_json("breakeven", ORBIT, GROUND, "--solve", key)
    flips.append((key, r["side"], r["base_value"], r["value"]))
    print(f"{key:48} {r['side']:12} base {human(r['base_value']):>10}  → {r['message']}")

# %% [markdown]
# ## Answer

# %%
reachable = [f for f in flips if f[3] is not None]
top = indices[0]
likely = "the ground stays cheaper" if mc["probability_orbit_cheaper"] < 0.5 else "orbit is more likely than not to be cheaper"
print(f"Answer: under the declared uncertainties {likely}: the cost ratio's 90 % interval is "
      f"{human(ratio['p5'])}–{human(ratio['p95'])} (median {human(ratio['p50'])}) and P(orbit cheaper) = {human(mc['probability_orbit_cheaper'])}. "
      f"{top['key']} carries most of the variance (total Sobol index {human(top['total'])}). "
      + (f"Alone, parity needs {', '.join(f'{k} = {human(v)} (now {human(b)})' for k, _, b, v in reachable)}."
         if reachable else "No single deciding input reaches parity within its accepted range."))
