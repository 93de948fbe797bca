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
# # The published analyses side by side
#
# **Question.** Published answers range from "space is 20× cheaper" to "78× dearer". Under each
# publication's own assumptions, does our engine reproduce its figure, and what do the
# assumptions count?
#
# **Assumptions.** Each file in `Models/published/` re-states one publication's assumptions as a
# scenario (its cost boundary, lifetime, launch price, masses) with the published figure and its
# source in a `published:` section. `orbital published --format json` evaluates them and puts
# our figure beside theirs. This notebook skips itself when `Models/published/` or the
# `published` verb is not in this build.

# %%
import sys

import matplotlib.pyplot as plt

from orbital_cli import ROOT, has_verb, human, run_json, save

if not (ROOT / "Models" / "published").is_dir() or not has_verb("published"):
    print("SKIPPED: Models/published/ or `orbital published` is not in this build yet.")
    sys.exit(0)

rows = run_json("published")
for r in rows:
    print(f"{r['scenario']:36} {r['metric']:32} published {human(r['published']):>12}  ours {human(r.get('ours')):>12}  "
          f"difference {human(100 * r['difference']) + ' %' if r.get('difference') is not None else '—'}")
    print(f"    {r.get('source', '')}. {r.get('note', '')}")

# %%
shown = [r for r in rows if r.get("ours") is not None and r["published"] > 0 and r["ours"] > 0]
fig, ax = plt.subplots(figsize=(10, 0.6 * len(shown) + 1.5))
y = range(len(shown))
ax.barh([i - 0.2 for i in y], [r["published"] for r in shown], height=0.4, color="#999999", label="published")
ax.barh([i + 0.2 for i in y], [r["ours"] for r in shown], height=0.4, color="#0072B2", label="this engine, their assumptions")
ax.set_yticks(list(y), [f"{r['scenario']}\n{r['metric']}" for r in shown], fontsize=8)
ax.set_xscale("log")
ax.invert_yaxis()
ax.set_xlabel("value of the published metric [its own unit, log scale]")
ax.set_title("Published figures against this engine under the same assumptions")
ax.legend()
save(fig, "05_published")

# %% [markdown]
# ## Answer

# %%
close = [r for r in shown if abs(r["difference"]) <= 0.05]
print(f"Answer: {len(close)} of {len(shown)} published figures are reproduced within 5 % under their own assumptions; "
      f"the spread between publications comes from what they count (launch only, energy only, whole build) and their "
      f"lifetimes, which the scenario files make explicit.")
