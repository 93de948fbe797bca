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
# **Question.** How robust is the verdict "orbit versus Colossus 1" to the inputs we are least
# sure of, and which of them would have to move, and how far, to flip it?
#
# **Assumptions.** The shipped scenarios. `orbital compare` moves each numeric input of both
# sides by ±`swing` (within its accepted range), one at a time, and ranks the inputs by how far
# the cost ratio moves (a tornado). We run it at three swings. A full probabilistic treatment
# (Monte Carlo over the scenarios' `uncertainty:` distributions, P(orbit cheaper), Sobol indices)
# belongs to the `montecarlo` and `sensitivity` verbs of issue 6: the last cell uses them when
# this build of `orbital` has them.
#
# TODO(issue 6): when `orbital montecarlo` and `orbital sensitivity` land, replace the one-at-a-time
# tornado below by their output (percentiles, P(orbit cheaper), first-order and total Sobol indices).

# %%
import matplotlib.pyplot as plt

from orbital_cli import has_verb, human, run, run_json, save

ORBIT, GROUND = "orbital-1gw-dawn-dusk", "colossus-1"
swings = [0.1, 0.25, 0.5]
runs = {s: run_json("compare", ORBIT, GROUND, "--swing", str(s)) for s in swings}
base_ratio = runs[0.25]["cost_ratio"]
print(f"base cost ratio orbit/ground: {human(base_ratio)} — {runs[0.25]['verdict']}")

# %%
fig, axes = plt.subplots(1, len(swings), figsize=(15, 5), sharex=True)
for ax, s in zip(axes, swings):
    deciding = runs[s]["deciding_inputs"]
    labels = [f"{d['key']} ({d['side'][:3]})" for d in deciding]
    for y, d in enumerate(deciding):
        lo, hi = d["cost_ratio_at_low"], d["cost_ratio_at_high"]
        ax.barh(y, lo - base_ratio, left=base_ratio, color="#0072B2")
        ax.barh(y, hi - base_ratio, left=base_ratio, color="#E69F00")
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.axvline(base_ratio, color="black", lw=1)
    ax.axvline(1, color="darkred", ls="--", lw=1)
    ax.set_xlim(0, max(max(d["cost_ratio_at_low"], d["cost_ratio_at_high"]) for d in deciding) * 1.1)
    ax.set_title(f"±{int(s * 100)} % on each input")
    ax.set_xlabel("cost ratio orbit / ground [-]")
fig.suptitle("Tornado: blue = input at its low setting, orange = high; dashed = parity")
fig.tight_layout()
save(fig, "04_tornado")

# %% [markdown]
# ## How far must each deciding input move to reach parity?
#
# For each of the top inputs at ±25 %, the engine's break-even solver finds the value of that
# input alone at which the cost ratio is 1 (if there is one in its accepted range).

# %%
# `breakeven --solve KEY` solves on the orbital side when both scenarios have KEY, so each key
# is solved once.
flips = []
seen = set()
for d in runs[0.25]["deciding_inputs"]:
    if d["key"] in seen:
        continue
    seen.add(d["key"])
    b = run_json("breakeven", ORBIT, GROUND, "--solve", d["key"])
    flips.append((d["key"], b["side"], b["base_value"], b["value"], b["message"]))
    print(f"{d['key']:38} {b['side']:12} base {human(b['base_value']):>10}  → {b['message']}")

# %% [markdown]
# ## Monte Carlo and Sobol (issue 6)

# %%
if has_verb("montecarlo") and has_verb("sensitivity"):
    print(run("montecarlo", ORBIT, "--draws", "500", "--seed", "1").stdout[:3000])
    print(run("sensitivity", ORBIT).stdout[:3000])
else:
    print("TODO(issue 6): this build of orbital has no montecarlo/sensitivity verbs yet; the tornado above is one-at-a-time.")

# %% [markdown]
# ## Answer

# %%
reachable = [f for f in flips if f[3] is not None]
top = runs[0.25]["deciding_inputs"][0]
print(f"Answer: the verdict ({runs[0.25]['verdict']}) is robust to ±25 % on any single input: the widest swing, "
      f"{top['key']} ({top['side']}), moves the ratio between {human(top['cost_ratio_at_low'])} and {human(top['cost_ratio_at_high'])}. "
      + (f"Alone, parity needs {', '.join(f'{k} = {human(v)} (now {human(b)})' for k, _, b, v, _ in reachable)}."
         if reachable else "No single deciding input reaches parity within its accepted range."))
