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
# # Latency per city
#
# **Question.** How much round-trip time does serving from a cluster in a 650 km dawn-dusk orbit
# add for users in major cities, compared with serving from Colossus 1 in Memphis, and how often
# is there no path at all?
#
# **Assumptions.** `orbital latency` propagates the scenario's orbit over the rotating Earth for
# a day in 10-second steps; users reach the cluster through the scenario's ground stations
# (fibre at c/1.468 over the great circle times a route factor, then the slant range), or
# through a relay constellation when the scenario has one. RTT percentiles are over time. The
# terrestrial RTT is fibre to Memphis. Skipped when this build has no `latency` verb.

# %%
import sys

import matplotlib.pyplot as plt
import numpy as np

from orbital_cli import has_verb, human, run_csv, save

if not has_verb("latency"):
    print("SKIPPED: this build of orbital has no `latency` verb yet (issue 5).")
    sys.exit(0)

rows = run_csv("latency", "orbital-1gw-dawn-dusk")


def number(x):
    return float(x) if x not in ("", None) else np.nan


for r in rows:
    print(f"{r['user']:18} Colossus {human(number(r['rtt_terrestrial_ms'])):>6} ms   orbit p50 {human(number(r['rtt_best_path_p50_ms'])):>6}  "
          f"p90 {human(number(r['rtt_best_path_p90_ms'])):>6}  p99 {human(number(r['rtt_best_path_p99_ms'])):>6} ms   "
          f"no path {human(100 * number(r['best_path_no_path_fraction']))} %")

# %%
names = [r["user"] for r in rows]
x = np.arange(len(rows))
fig, ax = plt.subplots(figsize=(max(8, 0.7 * len(rows)), 5))
ax.bar(x - 0.3, [number(r["rtt_terrestrial_ms"]) for r in rows], width=0.2, color="#E69F00", label="Colossus 1 (fibre)")
ax.bar(x - 0.1, [number(r["rtt_best_path_p50_ms"]) for r in rows], width=0.2, color="#56B4E9", label="orbit p50")
ax.bar(x + 0.1, [number(r["rtt_best_path_p90_ms"]) for r in rows], width=0.2, color="#0072B2", label="orbit p90")
ax.bar(x + 0.3, [number(r["rtt_best_path_p99_ms"]) for r in rows], width=0.2, color="#000000", label="orbit p99")
ax.set_xticks(x, names, rotation=45, ha="right")
ax.set_ylabel("round-trip time [ms]")
ax.set_title("RTT per city: Colossus 1 against the orbital cluster (when a path exists)")
ax.legend()
save(fig, "06_latency")

# %% [markdown]
# ## Answer

# %%
extra = [number(r["rtt_best_path_p50_ms"]) - number(r["rtt_terrestrial_ms"]) for r in rows]
no_path = [number(r["best_path_no_path_fraction"]) for r in rows]
closer = [r["user"] for r, e in zip(rows, extra) if e < 0]
farther = [r["user"] for r, e in zip(rows, extra) if e >= 0]
tail = float(np.nanmedian([number(r["rtt_best_path_p99_ms"]) for r in rows]))
print(f"Answer: from orbit the median RTT is about the same everywhere ({human(float(np.nanmedian([number(r['rtt_best_path_p50_ms']) for r in rows])))} ms, "
      f"p99 {human(tail)} ms), because traffic goes through ground stations or relays rather than to the nearest point. "
      f"Where Colossus 1 is the nearer ({', '.join(farther) or 'none'}) orbit adds up to {human(float(np.nanmax(extra)))} ms to the median; "
      f"where Memphis is far ({', '.join(closer) or 'none'}) orbit saves up to {human(-float(np.nanmin(extra)))} ms. "
      + (f"The cluster is unreachable {human(100 * float(np.nanmean(no_path)))} % of the time on average (no station in view, no relay)."
         if float(np.nanmean(no_path)) > 0 else "With this scenario's relay there is always a path."))
