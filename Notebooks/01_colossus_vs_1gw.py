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
# # Colossus 1 against a 1 GW orbital cluster
#
# **Question.** Per delivered PFLOP-hour, is a gigawatt of H100s in a dawn-dusk sun-synchronous
# orbit cheaper or dearer than xAI's Colossus 1 in Memphis, and which cost lines make the
# difference?
#
# **Assumptions.** The two shipped scenarios, unchanged: `Models/orbital-1gw-dawn-dusk.yaml`
# (1 GW of IT at 650 km, LTAN 18 h, Starship at $500/kg, 5-year life, 7 % discount rate,
# spares launched up front because nothing is repaired in orbit) and `Models/colossus-1.yaml`
# (220,000 H100-class GPUs, 300 MW, PUE 1.2, Tennessee grid power at $67.5/MWh, facility
# capital recovered over its own life). Every other input is the parameter table's default,
# with its source (`orbital explain KEY`). All numbers below come from
# `orbital compare … --format json` and `orbital evaluate … --format json`.

# %%
import matplotlib.pyplot as plt

from orbital_cli import find, human, run_json, save

comparison = run_json("compare", "orbital-1gw-dawn-dusk", "colossus-1")
orbit = comparison["orbital_report"]
ground = comparison["terrestrial_report"]
print(comparison["verdict"])
print(f"cost ratio orbit/ground: {human(comparison['cost_ratio'])}")

# %% [markdown]
# ## Side by side
#
# The headline metrics of both scenarios and their ratio (orbit / ground).

# %%
rows = comparison["side_by_side"]
print(f"{'metric':32} {'orbit':>18} {'ground':>18} {'ratio':>8}")
for key, row in rows.items():
    print(f"{key:32} {human(row['orbital']):>18} {human(row['terrestrial']):>18} {human(row['ratio']):>8}")

# %%
keys = ["cost_per_pflop_hour_usd", "tco_usd", "capex_usd", "opex_usd_per_year", "delivered_accelerator_hours", "deployment_days"]
fig, ax = plt.subplots(figsize=(9, 4.5))
ratios = [rows[k]["ratio"] for k in keys]
colors = ["#0072B2" if r >= 1 else "#009E73" for r in ratios]
ax.barh(keys, ratios, color=colors)
ax.axvline(1, color="black", lw=1)
ax.set_xscale("log")
ax.set_xlabel("orbit / ground [-] (log scale; > 1: orbit larger)")
ax.set_title("Orbital cluster relative to Colossus 1")
for y, r in enumerate(ratios):
    ax.text(r * 1.05, y, f"{human(r)}×", va="center", fontsize=9)
ax.invert_yaxis()
save(fig, "01_ratios")

# %% [markdown]
# ## Where the money goes
#
# Each cost line's present value divided by the present value of the PFLOP-hours it delivers,
# with the same deployment timing as the headline: the engine reports these shares
# (`cost_per_pflop_hour_by_line_usd`) and they add up to the levelized cost.

# %%
def levelized_lines(report):
    return find(report, "cost_per_pflop_hour_by_line_usd") or {}


orbit_lines, ground_lines = levelized_lines(orbit), levelized_lines(ground)
names = list(dict.fromkeys(list(orbit_lines) + list(ground_lines)))
fig, ax = plt.subplots(figsize=(9, 5))
bottoms = [0.0, 0.0]
cmap = plt.get_cmap("tab20")
for i, name in enumerate(names):
    values = [orbit_lines.get(name, 0.0), ground_lines.get(name, 0.0)]
    ax.bar(["orbit: 1 GW dawn-dusk", "ground: Colossus 1"], values, bottom=bottoms, label=name, color=cmap(i % 20))
    bottoms = [b + v for b, v in zip(bottoms, values)]
for x, total in enumerate(bottoms):
    ax.text(x, total * 1.01, f"{human(total)}", ha="center", va="bottom", fontweight="bold")
ax.set_ylabel("levelized cost [USD per delivered PFLOP-hour]")
ax.set_title("Levelized cost by component")
ax.legend(fontsize=8, ncol=2, loc="upper right")
save(fig, "01_cost_breakdown")
print({k: human(v) for k, v in orbit_lines.items()})
for lines, report in [(orbit_lines, orbit), (ground_lines, ground)]:
    assert abs(sum(lines.values()) - find(report, "cost_per_pflop_hour_usd")) < 1e-3 * find(report, "cost_per_pflop_hour_usd")

# %% [markdown]
# ## The orbital mass budget

# %%
mass = find(orbit, "mass_breakdown_kg")
fig, ax = plt.subplots(figsize=(8, 4))
ax.barh(list(mass), [v / 1000 for v in mass.values()], color="#0072B2")
ax.invert_yaxis()
ax.set_xlabel("mass [t]")
ax.set_title(f"Orbital mass: {human(find(orbit, 'mass_total_kg') / 1000)} t in {find(orbit, 'satellite_count'):,} satellites, "
             f"{find(orbit, 'launch_count'):,} launches")
save(fig, "01_mass")

# %% [markdown]
# ## Answer
#
# Printed from the run above (the text is generated, so it stays true when the model changes):

# %%
o_cost, g_cost = find(orbit, "cost_per_pflop_hour_usd"), find(ground, "cost_per_pflop_hour_usd")
biggest = max(orbit_lines, key=orbit_lines.get)
print(f"Answer: {comparison['verdict']}. Orbit costs {human(o_cost)} USD per PFLOP-hour against "
      f"{human(g_cost)} on the ground. The largest orbital line is '{biggest}' at {human(orbit_lines[biggest])} USD/PFLOP-h; "
      f"the orbital cluster needs {human(find(orbit, 'mass_total_kg') / 1000)} t in orbit and "
      f"{human(find(orbit, 'deployment_days'))} days to deploy against {human(find(ground, 'deployment_days'))} on the ground. "
      f"The inputs that move the ratio most: {', '.join(d['key'] + ' (' + d['side'] + ')' for d in comparison['deciding_inputs'][:3])}.")
