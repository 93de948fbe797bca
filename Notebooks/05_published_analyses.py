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
    print(f"{r['scenario']:36} {r['metric']:30} published {human(r['published']):>12}  on their assumptions "
          f"{human(r['on_their_assumptions']):>12}  ours {human(r['ours']):>12}")
    for step in r["steps"]:
        print(f"    {step['key']:52} → {human(step['value_after'])}")
    assert abs(r["steps"][-1]["value_after"] - r["ours"]) <= 1e-9 * abs(r["ours"]), "the decomposition must end at ours"

# %%
shown = [r for r in rows if r["published"] > 0 and r["ours"] > 0]
fig, ax = plt.subplots(figsize=(10, 0.7 * len(shown) + 1.5))
y = range(len(shown))
ax.barh([i - 0.27 for i in y], [r["published"] for r in shown], height=0.27, color="#999999", label="published")
ax.barh(list(y), [r["on_their_assumptions"] for r in shown], height=0.27, color="#56B4E9", label="this engine, their assumptions")
ax.barh([i + 0.27 for i in y], [r["ours"] for r in shown], height=0.27, color="#0072B2", label="this engine, our assumptions")
ax.set_yticks(list(y), [f"{r['scenario']}\n{r['metric']}" for r in shown], fontsize=8)
ax.set_xscale("log")
ax.invert_yaxis()
ax.set_xlabel("value of the published metric [its own unit, log scale]")
ax.set_title("Published figures: reproduced on their assumptions, then on ours")
ax.legend(fontsize=8)
save(fig, "05_published")

# %% [markdown]
# ## Answer

# %%
close = [r for r in shown if abs(r["reproduction"]) <= 0.05]
print(f"Answer: {len(close)} of {len(shown)} published figures are reproduced within 5 % on their own assumptions; "
      f"the steps from theirs to ours show which inputs carry the difference (what is counted, how arrays are "
      f"sized and priced, spares, lifetimes), each computed, none asserted.")
