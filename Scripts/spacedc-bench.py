#!/usr/bin/env python3
"""Times spacedc-mdao's Monte Carlo per draw, for `orbital bench` (side by side in one run).

Prints one line: `per_draw_s DRAWS VERSION` on success, or `not installed` when the package
(`pip install spacedc-mdao==0.4.2`, module `orbitdc`) is missing. The scenario is the closest
spacedc-mdao has to the shipped 1 GW dawn-dusk cluster: H100s at 650 km, ≈ 1 GW of IT, 5 years,
its default Monte Carlo drivers (`orbitdc.optimize.uncertainty.default_drivers`), evaluated by
`orbitdc.optimize.uncertainty.monte_carlo`, the entry point of `orbitdc compare --monte-carlo`.
"""
import sys
import time

try:
    import orbitdc
    from orbitdc.compare import evaluate_earth
    from orbitdc.core.scenario import load_scenario_dict
    from orbitdc.optimize.uncertainty import monte_carlo
except ImportError:
    print("not installed")
    sys.exit(0)

draws = int(sys.argv[1]) if len(sys.argv) > 1 else 200
space = load_scenario_dict({
    "name": "1 GW dawn-dusk", "kind": "space", "mission_life_years": 5, "accelerator": "h100_sxm",
    "space": {"orbit": {"altitude_km": 650, "inclination_deg": 97.98},
              "architecture": {"satellites": 11000, "accelerators_per_satellite": 80}},
})
earth = load_scenario_dict({"name": "Colossus 1", "kind": "earth", "mission_life_years": 5, "accelerator": "h100_sxm",
                            "earth": {"n_accelerators": 220000}})
earth_lcoc = evaluate_earth(earth).lcoc_per_pflop_day
monte_carlo(space, earth_lcoc, n=5, seed=0)  # warm up (imports, catalogs)
t0 = time.perf_counter()
monte_carlo(space, earth_lcoc, n=draws, seed=1)
elapsed = time.perf_counter() - t0
print(f"{elapsed / draws:.9g} {draws} {getattr(orbitdc, '__version__', '?')}")
