#!/usr/bin/python3
"""Brian2 run of the single-cell reference protocol (docs/model.md §2), for tests/model/reference-neuron.test.ts.

One isolated AdEx cell with a persistent sodium current, A = 1, no synapses, no pump, ions at
rest, a current step I_ext from t = 0, V = EL and w = 0 at t = 0, forward Euler
(method='euler'). The equations and the cell table below are transcribed from docs/model.md §2
independently of the TypeScript code (src/model/dynamics/cells.ts, src/model/reference/single-neuron.ts), so that
a slip in either shows up as a mismatch.

Regenerate the fixture (Debian: apt-get install -y python3-brian; Brian2 2.5.1 was used):

    /usr/bin/python3 tests/reference/brian2_neuron.py > tests/reference/brian2_neuron.json
    npx biome format --write tests/reference/brian2_neuron.json   # the repository's JSON layout

The numpy code-generation target is used (float64 throughout, like the TypeScript protocol).
CI does not have Brian2: the tests read the committed JSON only.
"""

import json
import sys
import time

import brian2
from brian2 import (
    NeuronGroup,
    SpikeMonitor,
    defaultclock,
    mV,
    ms,
    nS,
    pA,
    pF,
    prefs,
    run,
    start_scope,
)

prefs.codegen.target = "numpy"

# docs/model.md §2 table. E: Brette & Gerstner 2005 (ModelDB 154770); I: fast-spiking interneuron.
CELLS = {
    "E": dict(C=281, gL=30, EL=-70.6, VT=-50.4, DeltaT=2, tauw=144, a=4, b=80.5, Vr=-70.6, tref=2),
    "I": dict(C=200, gL=10, EL=-70, VT=-50, DeltaT=0.5, tauw=144, a=0, b=0, Vr=-70, tref=1),
}
ENA_MV = 50  # docs/model.md §2: ENa = +50 mV in the reference protocol
GNAP_RATIOS = [0.0, 0.2, 0.5]
# Step currents (pA): for each type one below the gNapRatio = 0 rheobase (E ≈ 577 pA, I ≈ 195 pA
# at 1 s), and two well above every rheobase, so that no case sits on a threshold tie.
CURRENTS_PA = {"E": [400.0, 700.0, 1000.0], "I": [120.0, 250.0, 500.0]}
DURATION_MS = 1000.0
DT_MS_LIST = [0.01, 0.1]

EQUATIONS = """
dv/dt = (-gL*(v - EL) + gL*DeltaT*exp((v - VT)/DeltaT) + I_NaP - w + I_ext) / C : volt (unless refractory)
dw/dt = (a*(v - EL) - w) / tauw : amp
I_NaP = -gNaP / (1 + exp(-(v - (-50*mV)) / (5*mV))) * (v - ENa) : amp
C : farad (constant)
gL : siemens (constant)
EL : volt (constant)
VT : volt (constant)
DeltaT : volt (constant)
tauw : second (constant)
a : siemens (constant)
b : amp (constant)
Vr : volt (constant)
vcut : volt (constant)
tref : second (constant)
gNaP : siemens (constant)
ENa : volt (constant)
I_ext : amp (constant)
"""


def cases():
    out = []
    for cell_type in ("E", "I"):
        for ratio in GNAP_RATIOS:
            for current in CURRENTS_PA[cell_type]:
                out.append((cell_type, ratio, current))
    return out


def run_all(dt_ms):
    start_scope()
    defaultclock.dt = dt_ms * ms
    todo = cases()
    group = NeuronGroup(
        len(todo),
        EQUATIONS,
        threshold="v >= vcut",
        reset="v = Vr; w += b",
        refractory="tref",
        method="euler",
    )
    for i, (cell_type, ratio, current) in enumerate(todo):
        c = CELLS[cell_type]
        group.C[i] = c["C"] * pF
        group.gL[i] = c["gL"] * nS
        group.EL[i] = c["EL"] * mV
        group.VT[i] = c["VT"] * mV
        group.DeltaT[i] = c["DeltaT"] * mV
        group.tauw[i] = c["tauw"] * ms
        group.a[i] = c["a"] * nS
        group.b[i] = c["b"] * pA
        group.Vr[i] = c["Vr"] * mV
        group.vcut[i] = (c["VT"] + 5 * c["DeltaT"]) * mV  # spike at V >= VT + 5 ΔT
        group.tref[i] = c["tref"] * ms
        group.gNaP[i] = ratio * c["gL"] * nS
        group.ENa[i] = ENA_MV * mV
        group.I_ext[i] = current * pA
        group.v[i] = c["EL"] * mV
        group.w[i] = 0 * pA
    monitor = SpikeMonitor(group)
    started = time.perf_counter()
    run(DURATION_MS * ms)
    wall_s = time.perf_counter() - started
    trains = monitor.spike_trains()
    results = []
    for i, (cell_type, ratio, current) in enumerate(todo):
        times_ms = [round(float(t / ms), 9) for t in trains[i]]
        results.append(
            {"type": cell_type, "gNapRatio": ratio, "currentPa": current, "spikeTimesMs": times_ms}
        )
    return {"dtMs": dt_ms, "wallS": round(wall_s, 3), "cases": results}


def main():
    fixture = {
        "generator": "tests/reference/brian2_neuron.py",
        "simulator": f"Brian2 {brian2.__version__} (numpy target, method='euler', float64)",
        "python": sys.version.split()[0],
        "durationMs": DURATION_MS,
        "runs": [run_all(dt) for dt in DT_MS_LIST],
    }
    json.dump(fixture, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
