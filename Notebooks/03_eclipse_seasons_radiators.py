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
# # Eclipse seasons and radiators
#
# **Question.** Is a dawn-dusk sun-synchronous orbit really "always in the sun", how does that
# depend on the orbit's local time and altitude, and how much radiator does a gigawatt need at
# the temperatures H100s tolerate?
#
# **Assumptions.** Circular orbits, cylindrical Earth shadow, the Sun from the Astronomical
# Almanac's low-precision formulae over 2026 (`orbital orbit`); radiators are flat two-sided
# panels with the parameter table's emissivity (0.9), fin efficiency (0.9) and solar
# absorptivity (0.2), edge-on to the Earth, with Earth IR (239 W/m²) and albedo (0.30)
# (`orbital radiator`). The 1 GW scenario is `orbital-1gw-dawn-dusk`. Numbers come from the CLI.

# %%
import numpy as np
import matplotlib.pyplot as plt

from orbital_cli import find, human, run_json, save

# %% [markdown]
# ## Eclipse seasons against the local time of the node (650 km)

# %%
ltans = [18.0, 17.0, 16.0, 15.0, 14.0, 13.0, 12.0]
rows = [run_json("orbit", "--altitude-km", "650", "--sso-ltan-h", str(l)) for l in ltans]
for l, r in zip(ltans, rows):
    print(f"LTAN {l:4.1f} h: {human(r['eclipse_days_per_year']):>6} eclipse days, mean shadow {human(r['eclipse_fraction_mean'])}, "
          f"longest eclipse {human(r['eclipse_duration_max_s'] / 60)} min, beta {human(r['beta_min_deg'])}…{human(r['beta_max_deg'])}°")

fig, ax1 = plt.subplots(figsize=(8, 4.5))
ax1.plot(ltans, [r["eclipse_days_per_year"] for r in rows], "-o", color="#0072B2", label="eclipse days a year")
ax1.set_xlabel("local time of the ascending node, LTAN [h] (18 h = dawn-dusk)")
ax1.set_ylabel("days a year with eclipses [d]", color="#0072B2")
ax2 = ax1.twinx()
ax2.plot(ltans, [100 * r["eclipse_fraction_mean"] for r in rows], "-s", color="#D55E00", label="mean shadow fraction")
ax2.set_ylabel("annual mean shadow fraction [%]", color="#D55E00")
ax1.set_title("Sun-synchronous orbits at 650 km")
save(fig, "03_ltan")

# %% [markdown]
# ## Dawn-dusk orbits against altitude

# %%
altitudes = [450, 550, 650, 800, 1000, 1200, 1400]
dd = [run_json("orbit", "--altitude-km", str(h), "--sso-ltan-h", "18") for h in altitudes]
fig, ax = plt.subplots(figsize=(8, 4.5))
ax.plot(altitudes, [r["eclipse_days_per_year"] for r in dd], "-o", color="#0072B2")
for h, r in zip(altitudes, dd):
    ax.annotate(f"{human(r['eclipse_duration_max_s'] / 60)} min", (h, r["eclipse_days_per_year"]), textcoords="offset points", xytext=(4, 6), fontsize=8)
ax.set_xlabel("altitude [km]")
ax.set_ylabel("days a year with eclipses [d]")
ax.set_title("Dawn-dusk SSO: eclipse season length (labels: longest eclipse)")
save(fig, "03_altitude")

# %% [markdown]
# ## Radiator area per megawatt against temperature
#
# The ideal plate (deep space, fin efficiency 1) against the same plate edge-on at 650 km.
# The check value from the reference data: 1,210 m²/MW at 300 K for an ideal two-sided plate.

# %%
temperatures = np.arange(280, 371, 10)
ideal = [run_json("radiator", "--heat-w", "1e6", "--temperature-k", str(t), "--fin-efficiency", "1")["area_per_mw_m2"] for t in temperatures]
leo = [run_json("radiator", "--heat-w", "1e6", "--temperature-k", str(t), "--altitude-km", "650")["area_per_mw_m2"] for t in temperatures]
print(f"ideal plate at 300 K: {human(ideal[list(temperatures).index(300)])} m²/MW")
fig, ax = plt.subplots(figsize=(8, 4.5))
ax.plot(temperatures, ideal, "-o", label="ideal plate, deep space")
ax.plot(temperatures, leo, "-s", label="edge-on at 650 km, fin efficiency 0.9")
ax.axvline(338, color="darkred", ls=":", label="H100 coolant limit (catalog)")
ax.set_xlabel("radiator temperature [K]")
ax.set_ylabel("radiator area [m² per MW rejected]")
ax.set_title("Radiator area against temperature (two-sided panels)")
ax.legend()
save(fig, "03_radiator_area")

# %% [markdown]
# ## The 1 GW cluster: radiator temperature, mass and cost
#
# The radiator's design temperature follows the coolant chain (supply limit + half the loop ΔT −
# the fluid-to-fin drop): the scenario's own value below. Hotter radiators are smaller but run the
# coolant above what the accelerators accept (the engine warns); the transient shows how far the
# panel swings through the worst orbit.

# %%
chain = run_json("evaluate", "orbital-1gw-dawn-dusk")
chain_k = find(chain, "radiator_temperature_k")
design = [300, 310, chain_k, 320, 330]
results = [run_json("evaluate", "orbital-1gw-dawn-dusk", "--set", f"thermal.radiator_temperature_k={t}") for t in design]
for t, r in zip(design, results):
    print(f"{t} K: radiators {human(find(r, 'radiator_area_m2') / 1e6)} km², {human(find(r, 'mass_breakdown_kg')['radiators'] / 1000)} t; "
          f"orbit swing {human(find(r, 'temperature_min_k'))}–{human(find(r, 'temperature_max_k'))} K; "
          f"cost {human(find(r, 'cost_per_pflop_hour_usd'))} USD/PFLOP-h")
fig, ax = plt.subplots(figsize=(8, 4.5))
ax.plot(design, [find(r, "mass_breakdown_kg")["radiators"] / 1000 for r in results], "-o")
ax.set_xlabel("radiator design temperature [K]")
ax.set_ylabel("radiator mass [t]")
ax.set_title("1 GW cluster: radiator mass against design temperature")
save(fig, "03_radiator_mass")

# %% [markdown]
# ## Answer

# %%
dawn = rows[0]
print(f"Answer: a dawn-dusk orbit at 650 km is not always in the sun: it has {human(dawn['eclipse_days_per_year'])} eclipse days a year "
      f"with eclipses up to {human(dawn['eclipse_duration_max_s'] / 60)} min, so batteries (or throttling) must cover the season, "
      f"although the annual shadow fraction is only {human(100 * dawn['eclipse_fraction_mean'])} % (noon orbit: "
      f"{human(100 * rows[-1]['eclipse_fraction_mean'])} %). At the coolant chain's {human(chain_k)} K a gigawatt needs "
      f"{human(find(chain, 'radiator_area_m2') / 1e6)} km² of two-sided radiator "
      f"({human(find(chain, 'mass_breakdown_kg')['radiators'] / 1000)} t); 300 K needs "
      f"{human(100 * (find(results[0], 'radiator_area_m2') / find(chain, 'radiator_area_m2') - 1))} % more area, 330 K "
      f"{human(100 * (1 - find(results[-1], 'radiator_area_m2') / find(chain, 'radiator_area_m2')))} % less.")
