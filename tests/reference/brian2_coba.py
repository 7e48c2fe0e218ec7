#!/usr/bin/python3
"""Brian2 run of the COBA benchmark (docs/model.md §8), the reference for `npm run sim -- bench --model coba`.

Brette et al. 2007, benchmark 1 (Vogels & Abbott 2005): 4,000 leaky integrate-and-fire cells,
80 % excitatory; every ordered pair connected with probability 0.02 (self-connections allowed);
no delay; τm = 20 ms, EL = Vreset = −60 mV, threshold −50 mV, refractory 5 ms (V held);
conductances in units of gL: τm dV/dt = (EL − V) + ge (0 − V) + gi (−80 − V); ge, gi decay with
5 ms and 10 ms; a spike adds 0.6 (E source) or 6.7 (I source); no external input; V ~ N(−65, 5)
mV, ge ~ N(4, 1.5), gi ~ N(20, 12); forward Euler, dt = 0.1 ms, 1 s simulated.

Regenerate the fixture (Debian: apt-get install -y python3-brian g++; Brian2 2.5.1 was used):

    /usr/bin/python3 tests/reference/brian2_coba.py > tests/reference/brian2_coba.json
    npx biome format --write tests/reference/brian2_coba.json   # the repository's JSON layout

It runs the network once per code-generation mode that works on the machine: C++ standalone
(compiled with g++; `cpuSRun` is the compiled binary's own measure of its network run, the
processor time from std::clock(), synapse creation and compilation excluded; median of 5 runs of
the binary) and runtime with the numpy target (wall time of run(), which includes
Brian2's per-run code generation of a few seconds, so it is listed separately).
Statistics: rate per population = spikes / cells / 1 s; ISI CV = mean over cells with at least
3 spikes of std(ISI)/mean(ISI), std with ddof = 0 (as src/cli computes it).
CI does not have Brian2: the tests read the committed JSON only, and timings are reported, not
tested.
"""

import json
import os
import platform
import shutil
import sys
import tempfile
import time

import numpy as np

import brian2
from brian2 import (
    NeuronGroup,
    SpikeMonitor,
    Synapses,
    defaultclock,
    device,
    ms,
    mV,
    prefs,
    run,
    seed,
    set_device,
    start_scope,
)

N = 4000
N_E = 3200  # 80 % excitatory (docs/model.md §8)
P_CONNECT = 0.02
DURATION_MS = 1000.0
DT_MS = 0.1
SEED = 1
REPEATS = 5  # runs of the compiled binary; the median wall time is reported


def build():
    start_scope()
    seed(SEED)
    defaultclock.dt = DT_MS * ms
    taum, taue, taui = 20 * ms, 5 * ms, 10 * ms
    El, Ee, Ei = -60 * mV, 0 * mV, -80 * mV
    eqs = """
    dv/dt = ((El - v) + ge*(Ee - v) + gi*(Ei - v)) / taum : volt (unless refractory)
    dge/dt = -ge / taue : 1
    dgi/dt = -gi / taui : 1
    """
    cells = NeuronGroup(
        N,
        eqs,
        threshold="v > -50*mV",
        reset="v = -60*mV",
        refractory=5 * ms,
        method="euler",
        namespace={"taum": taum, "taue": taue, "taui": taui, "El": El, "Ee": Ee, "Ei": Ei},
    )
    cells.v = "-65*mV + 5*mV*randn()"
    cells.ge = "4 + 1.5*randn()"
    cells.gi = "20 + 12*randn()"
    exc = Synapses(cells[:N_E], cells, on_pre="ge += 0.6")
    inh = Synapses(cells[N_E:], cells, on_pre="gi += 6.7")
    exc.connect(p=P_CONNECT)  # every ordered pair, self-connections included
    inh.connect(p=P_CONNECT)
    monitor = SpikeMonitor(cells)
    return cells, exc, inh, monitor


def statistics(spike_i, spike_t_ms):
    spike_i = np.asarray(spike_i)
    spike_t_ms = np.asarray(spike_t_ms)
    duration_s = DURATION_MS / 1000
    exc = int(np.sum(spike_i < N_E))
    inh = int(len(spike_i) - exc)
    cvs = []
    order = np.lexsort((spike_t_ms, spike_i))
    spike_i, spike_t_ms = spike_i[order], spike_t_ms[order]
    bounds = np.searchsorted(spike_i, np.arange(N + 1))
    for cell in range(N):
        times = spike_t_ms[bounds[cell] : bounds[cell + 1]]
        if len(times) >= 3:
            isi = np.diff(times)
            cvs.append(float(np.std(isi) / np.mean(isi)))
    return {
        "spikes": int(len(spike_i)),
        "rateHz": {"exc": exc / N_E / duration_s, "inh": inh / (N - N_E) / duration_s},
        "cvIsi": float(np.mean(cvs)) if cvs else None,
        "cellsWithThreeSpikes": len(cvs),
    }


def run_standalone():
    if shutil.which("g++") is None:
        return {"mode": "cpp_standalone", "error": "g++ not found"}
    directory = tempfile.mkdtemp(prefix="brian2_coba_")
    set_device("cpp_standalone", directory=directory, build_on_run=False)
    prefs.devices.cpp_standalone.openmp_threads = 0  # one thread, like the TypeScript engine
    _, exc, inh, monitor = build()
    run(DURATION_MS * ms)
    started = time.perf_counter()
    device.build(directory=directory, compile=True, run=True, debug=False)
    build_and_run_s = time.perf_counter() - started
    stats = statistics(monitor.i[:], monitor.t[:] / ms)
    # The binary times its own network run (not the synapse creation, compilation or file
    # output) with std::clock(), i.e. processor time of its one thread: on an idle machine that
    # equals wall time, on a loaded one it is less. Rerunning the same binary repeats the same
    # network, so the median is over timing noise only.
    run_times_s = [float(device._last_run_time)]
    binary_times_s = [float(device.timers["run_binary"])]
    for _ in range(REPEATS - 1):
        device.run(directory, False, [])
        run_times_s.append(float(device._last_run_time))
        binary_times_s.append(float(device.timers["run_binary"]))
    result = {
        "mode": "cpp_standalone (1 thread)",
        "synapses": int(len(exc) + len(inh)),
        "cpuSRun": float(np.median(run_times_s)),
        "cpuSRunAll": run_times_s,
        "wallSBinaryMedian": float(np.median(binary_times_s)),
        "wallSBuildCompileRun": build_and_run_s,
        **stats,
    }
    device.reinit()
    device.activate()
    set_device("runtime")
    shutil.rmtree(directory, ignore_errors=True)
    return result


def run_runtime_numpy():
    prefs.codegen.target = "numpy"
    _, exc, inh, monitor = build()
    started = time.perf_counter()
    run(DURATION_MS * ms)
    wall_s = time.perf_counter() - started
    # A second, identical run of 1 s reuses the generated code: its wall time is the loop alone.
    spikes_before = len(monitor.i)
    started = time.perf_counter()
    run(DURATION_MS * ms)
    wall_second_s = time.perf_counter() - started
    stats = statistics(monitor.i[:spikes_before], monitor.t[:spikes_before] / ms)
    return {
        "mode": "runtime (numpy target)",
        "synapses": int(len(exc) + len(inh)),
        "wallSRunIncludingCodegen": wall_s,
        "wallSRun": wall_second_s,
        "wallSRunNote": "second 1-s run() of the same network (code already generated); statistics are from the first second",
        **stats,
    }


def main():
    runs = []
    for runner in (run_standalone, run_runtime_numpy):
        try:
            runs.append(runner())
        except Exception as error:  # record why a mode could not run here, and go on
            runs.append({"mode": runner.__name__, "error": f"{type(error).__name__}: {error}"})
    fixture = {
        "generator": "tests/reference/brian2_coba.py",
        "simulator": f"Brian2 {brian2.__version__}",
        "python": sys.version.split()[0],
        "machine": f"{platform.machine()}, {os.cpu_count()} logical CPUs",
        "neurons": N,
        "durationMs": DURATION_MS,
        "dtMs": DT_MS,
        "seed": SEED,
        "runs": runs,
    }
    json.dump(fixture, sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
