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
# # Launch price and break-even
#
# **Question.** How cheap must launch be for the 1 GW orbital cluster to match Colossus 1 per
# delivered PFLOP-hour, and how does Google Suncatcher's target of about $200/kg (mid-2030s,
# arXiv 2511.19468) change the picture?
#
# **Assumptions.** The shipped scenarios `orbital-1gw-dawn-dusk` and `colossus-1`; only
# `launch.cost_per_kg_usd` varies (it overrides the vehicle's price; no Wright's-law learning).
# The break-even is the engine's own GSL root solve (`orbital breakeven --solve`). Suncatcher's
# launch-only metric (launch cost per kW-year over 5 years) is reproduced from our own mass
# budget, so it counts arrays, radiators, batteries, structure and spares, not only a Starlink
# bus. The two Suncatcher reference values below are quoted from its Table 1 for comparison
# (Starlink v2 mini, 575 kg for 28 kW); every other number is the CLI's.

# %%
import numpy as np
import matplotlib.pyplot as plt

from orbital_cli import find, human, run_json, save

ORBIT, GROUND = "orbital-1gw-dawn-dusk", "colossus-1"
SUNCATCHER_TARGET = 200.0                                  # USD/kg, Suncatcher's mid-2030s target
SUNCATCHER_TABLE1 = {3600.0: 14_700.0, 200.0: 810.0}       # USD/kg → USD per kW-year (published)

ground = run_json("evaluate", GROUND)
ground_cost = find(ground, "cost_per_pflop_hour_usd")
base = run_json("evaluate", ORBIT)
base_price = find(base, "launch_cost_per_kg_usd")

prices = np.geomspace(10, 10_000, 16)
curve = []
for price in prices:
    r = run_json("evaluate", ORBIT, "--set", f"launch.cost_per_kg_usd={price:.6g}")
    curve.append((price, find(r, "cost_per_pflop_hour_usd"), find(r, "launch_cost_per_kw_year_usd")))
curve = np.array(curve)

breakeven = run_json("breakeven", ORBIT, GROUND, "--solve", "launch.cost_per_kg_usd")
print(breakeven["message"])

# %%
fig, ax = plt.subplots(figsize=(9, 5))
ax.plot(curve[:, 0], curve[:, 1], "-o", ms=3, color="#0072B2", label=f"orbit: {ORBIT}")
ax.axhline(ground_cost, color="#E69F00", ls="--", label=f"ground: {GROUND}")
ax.axvline(SUNCATCHER_TARGET, color="gray", ls=":", label="Suncatcher target $200/kg")
ax.plot([base_price], [find(base, "cost_per_pflop_hour_usd")], "o", color="#0072B2", ms=8)
ax.annotate(f"scenario: ${human(base_price)}/kg", (base_price, find(base, "cost_per_pflop_hour_usd")), textcoords="offset points", xytext=(8, -14))
if breakeven["value"] is not None:
    ax.plot([breakeven["value"]], [ground_cost], "D", color="#D55E00", ms=8, label=f"break-even ${human(breakeven['value'])}/kg")
else:
    ax.text(0.02, 0.95, f"No break-even: at best {human(breakeven['cost_ratio_at_value'])}× the ground "
            f"(at ${human(breakeven['closest_value'])}/kg)", transform=ax.transAxes, color="darkred", va="top")
ax.set_xscale("log")
ax.set_xlabel("launch price [USD/kg] (log scale)")
ax.set_ylabel("levelized cost [USD per PFLOP-hour]")
ax.set_title("Levelized cost against launch price")
ax.legend(loc="center left")
save(fig, "02_launch_price")

# %% [markdown]
# ## Suncatcher's launch-only metric, with our mass budget
#
# Launch cost per kW-year = mass × $/kg / (kW × years). Suncatcher's Table 1 counts a Starlink
# v2 mini bus (575 kg for 28 kW: 20.5 kg/kW); our cluster carries the whole spacecraft.

# %%
specific_mass = find(base, "mass_total_kg") / (find(base, "it_power_w") / 1000)
print(f"our specific mass: {human(specific_mass)} kg per kW of IT (Suncatcher's Starlink bus: {human(575 / 28)} kg/kW)")
for price, published in SUNCATCHER_TABLE1.items():
    ours = find(run_json("evaluate", ORBIT, "--set", f"launch.cost_per_kg_usd={price}"), "launch_cost_per_kw_year_usd")
    print(f"${human(price)}/kg: ours {human(ours)} USD/kW-yr, Suncatcher {human(published)} USD/kW-yr, ratio {human(ours / published)}")

fig, ax = plt.subplots(figsize=(8, 4.5))
ax.loglog(curve[:, 0], curve[:, 2], "-", color="#0072B2", label="this model (whole spacecraft)")
ax.loglog(list(SUNCATCHER_TABLE1), list(SUNCATCHER_TABLE1.values()), "s", color="#D55E00", label="Suncatcher Table 1 (Starlink v2 mini)")
ax.set_xlabel("launch price [USD/kg]")
ax.set_ylabel("launch cost [USD per kW-year], 5 years")
ax.set_title("Launch-only cost per kW-year")
ax.legend()
save(fig, "02_launch_per_kw_year")

# %% [markdown]
# ## What else would have to give at $200/kg
#
# With launch at Suncatcher's target, the engine solves for the value of other inputs that
# would bring orbit level with the ground (each alone, all else fixed).

# %%
at_target = ("--set", f"launch.cost_per_kg_usd={SUNCATCHER_TARGET}")
for key in ["energy.price_usd_per_mwh", "solar.cost_usd_per_w", "finance.satellite_cost_usd_per_kg", "finance.lifetime_years"]:
    b = run_json("breakeven", ORBIT, GROUND, "--solve", key, *at_target)
    print(f"{key:40} {b['message']}")

# %% [markdown]
# ## Answer

# %%
at200 = find(run_json("compare", ORBIT, GROUND, *at_target), "cost_ratio")
if breakeven["value"] is not None:
    verdict = f"orbit matches the ground at a launch price of {human(breakeven['value'])} USD/kg"
else:
    verdict = (f"no launch price closes the gap: even free launch leaves orbit at {human(breakeven['cost_ratio_at_value'])}× "
               f"the ground's cost, because the spacecraft, arrays and spares cost more than the ground's energy and building")
print(f"Answer: {verdict}. At Suncatcher's $200/kg the cost ratio is {human(at200)} (against {human(find(run_json('compare', ORBIT, GROUND), 'cost_ratio'))} "
      f"at the scenario's ${human(base_price)}/kg).")
