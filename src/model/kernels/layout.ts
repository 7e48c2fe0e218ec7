/**
 * Word offsets of the parameter blocks shared by the WebAssembly kernels (AssemblyScript, the
 * *.kernel.ts files beside the TypeScript that drives them) and that TypeScript. Each block is a run of 4-byte words in the
 * kernel memory; pointer and integer fields are i32, real fields are f32. This file is compiled by
 * both tsc and asc, so it holds only integer constants.
 */

/** AdEx population step (dynamics/neurons.kernel.ts: stepPopulation). */
export const POP_V = 0;
export const POP_W = 1;
export const POP_REF_UNTIL = 2;
export const POP_G_AMPA = 3;
export const POP_G_NMDA = 4;
export const POP_G_GABA = 5;
export const POP_RING_E = 6;
export const POP_RING_I = 7;
export const POP_EXP_GAIN = 8;
export const POP_BIAS = 9;
export const POP_E_GABA = 10;
export const POP_GABA_CHARGE = 11;
export const POP_NAI = 12;
export const POP_TILE_OF = 13;
export const POP_TILE_SPIKES = 14;
export const POP_SPIKE_IDX = 15;
/** i32 fields. */
export const POP_FIRST = 16;
export const POP_END = 17;
export const POP_STEP = 18;
export const POP_SLOT_OFFSET = 19;
export const POP_REF_STEPS = 20;
export const POP_SPIKE_COUNT = 21;
/** f32 fields. */
export const POP_DT_OVER_C = 22;
/** Word 23 is free (it held gL, now per cell: POP_G_MEMBRANE). */
/** Persistent sodium activation (dynamics/physics.ts): half-activation and 1/slope. */
export const POP_NAP_HALF_MV = 24;
export const POP_E_NA = 25;
export const POP_V_T = 26;
export const POP_INV_DELTA_T = 27;
export const POP_A = 28;
export const POP_E_L = 29;
export const POP_DT_OVER_TAU_W = 30;
export const POP_B = 31;
export const POP_V_CUT = 32;
export const POP_V_RESET = 33;
export const POP_DECAY_AMPA = 34;
export const POP_DECAY_NMDA = 35;
export const POP_DECAY_GABA = 36;
export const POP_JUMP_AMPA = 37;
export const POP_JUMP_NMDA = 38;
export const POP_NAP_INV_SLOPE = 39;
export const POP_DT = 40;
export const POP_NA_PER_SPIKE = 41;
/**
 * Outputs for the EEG proxy (f32): Σ |I_AMPA + I_NMDA| and Σ |I_GABA| over the population this
 * step (E cells only; src/model/detect/eeg.ts).
 */
export const POP_LFP_SUM = 42;
export const POP_LFP_GABA_SUM = 49;
/** i32: 1 for the excitatory population (LFP proxy and chloride load are only tracked there). */
export const POP_EXCITATORY = 43;
/** Pointer: spikes of each cell since the last ion step (f32), for the availability gate. */
export const POP_SPIKES_SINCE = 44;
/**
 * Pointers, per cell (f32): gNaP (nS) and the GABA_A jump at full release (nS). Per cell because
 * a focal lesion raises the one and lowers the other inside it (sheet/lesion.ts).
 */
export const POP_G_NAP = 45;
export const POP_JUMP_GABA = 46;
/** NMDA Mg²⁺ block (dynamics/physics.ts): B(V) = 1 / (1 + factor · exp(slope · V)). */
export const POP_MG_FACTOR = 47;
export const POP_MG_SLOPE = 48;
/**
 * f32: how far the reset follows the cell's effective leak reversal, bias/gL − EL (raised K⁺o
 * and the pump's current): V_reset = V_reset,0 + k·(bias/gL − EL). 0 for a fixed reset.
 */
export const POP_RESET_FOLLOWS = 50;
/** Pointer (f32 per cell): the pump current (pA) in bias, added back for the reset when POP_RESET_PUMP. */
export const POP_PUMP = 51;
/**
 * Pointer (f32 per cell): the membrane's total resting conductance (nS), gL plus the Na⁺-activated
 * K⁺ conductance above its working-state value (dynamics/ions.ts), set on the ion step. The
 * membrane current is bias − gMembrane·V, and the reset follows (bias + I_pump)/gMembrane.
 */
export const POP_G_MEMBRANE = 52;
/**
 * Threads (model/parallel): where the population's chunks leave their LFP terms, each chunk's
 * |I_AMPA + I_NMDA| and |I_GABA| lanes (8 floats) in order, for the coordinator to sum in the
 * serial order; 0 = summed here into POP_LFP_SUM and POP_LFP_GABA_SUM.
 */
export const POP_LFP_CHUNKS = 53;
/**
 * Threads: where a spiking E cell's release (U·x/U0 of its Tsodyks–Markram resource) is written,
 * at its index in the spike list; the resource is then updated here, at the spike, by the thread
 * that owns the cell, instead of in propagate. 0 = propagate does it (one thread).
 */
export const POP_AMOUNTS = 54;
export const POP_RESOURCE = 55;
export const POP_RESOURCE_STAMP = 56;
export const POP_RELEASE_U = 57;
export const POP_INV_U0 = 58;
export const POP_RECOVERY_PER_STEP = 59;
/**
 * Threads: where the E population's LFP lanes go at the end of the call (8 floats: the
 * |I_AMPA + I_NMDA| lanes, then the |I_GABA| lanes), so that the thread stepping the first E cells
 * sums its own chunks and the coordinator goes on from its lanes; 0 = not written.
 */
export const POP_LFP_LANES_OUT = 60;
/**
 * f32: each conductance's mean over a step as a fraction of its value at the step's start,
 * τ(1 − e^(−dt/τ))/dt (AMPA, NMDA, GABA_A), so that the charge a synaptic event moves is the same at
 * any step (dynamics/neurons.ts).
 */
export const POP_MEAN_AMPA = 61;
export const POP_MEAN_NMDA = 62;
export const POP_MEAN_GABA = 63;
export const POP_WORDS = 64;

/** Spike propagation into the delay rings (dynamics/synapses.kernel.ts: propagate). */
export const PROP_SPIKE_IDX = 0;
export const PROP_OUT_START = 1;
export const PROP_OUT_OFFSET = 2;
export const PROP_RING_E = 3;
export const PROP_RING_I = 4;
export const PROP_RESOURCE = 5;
export const PROP_RESOURCE_STAMP = 6;
/** i32 fields. */
export const PROP_SPIKE_COUNT = 7;
export const PROP_N_E = 8;
export const PROP_STEP = 9;
export const PROP_RING_SIZE = 10;
export const PROP_BASE_OFFSET = 11;
/** Output: synaptic events written. */
export const PROP_EVENTS = 12;
/** f32 fields. */
export const PROP_RELEASE_U = 13;
export const PROP_INV_U0 = 14;
export const PROP_RECOVERY_PER_STEP = 15;
/**
 * Threads (propagateLists): a table of spike lists, each 4 words (spike indices pointer, release
 * amounts pointer or 0 for inhibitory spikes, count, 1 if excitatory), and how many there are.
 * The thread's own CSR (PROP_OUT_START, PROP_OUT_OFFSET) holds only the synapses onto its cells.
 */
export const PROP_SEGMENTS = 16;
export const PROP_SEGMENT_COUNT = 17;
export const PROP_WORDS = 18;

/** COBA benchmark step (reference/coba.kernel.ts: cobaStep). */
export const COBA_V = 0;
export const COBA_GE = 1;
export const COBA_GI = 2;
export const COBA_REF_UNTIL = 3;
export const COBA_SPIKE_IDX = 4;
export const COBA_OUT_START = 5;
export const COBA_OUT_TARGET = 6;
/** i32 fields. */
export const COBA_N = 7;
export const COBA_N_E = 8;
export const COBA_STEP = 9;
export const COBA_REF_STEPS = 10;
/** Output: spikes this step. */
export const COBA_SPIKE_COUNT = 11;
/** f32 fields. */
export const COBA_DT_OVER_TAU_M = 12;
export const COBA_E_L = 13;
export const COBA_E_E = 14;
export const COBA_E_I = 15;
export const COBA_DECAY_E = 16;
export const COBA_DECAY_I = 17;
export const COBA_V_THRESHOLD = 18;
export const COBA_V_RESET = 19;
export const COBA_W_E = 20;
export const COBA_W_I = 21;
export const COBA_WORDS = 24;

/** Per-cell part of the ion step (dynamics/ions.kernel.ts: ionCells). */
export const ION_NAI = 0;
export const ION_PUMP = 1;
export const ION_BIAS = 2;
export const ION_TILE_OF = 3;
/** Per tile: the pump's K⁺ factor (1 + Km,K/Ko)⁻², gL·EL(Ko) for E and I cells. */
export const ION_TILE_KO_FACTOR = 4;
export const ION_TILE_LEAK_E = 5;
export const ION_TILE_LEAK_I = 6;
/** Output per tile: Σ over its cells of the pump activity above the silent cell's (P − P_rest). */
export const ION_TILE_PUMP_SUM = 7;
export const ION_CL = 8;
export const ION_GABA_CHARGE = 9;
export const ION_E_GABA = 10;
/** i32 fields. */
export const ION_N = 11;
export const ION_N_E = 12;
/**
 * f32 fields. How much the pump follows [Na⁺]i (pumpNaSensitivity, 0…1): it sees
 * Na_working + s·(Nai − Na_working).
 */
export const ION_PUMP_NA_SENSITIVITY = 13;
/** Pump current per unit of activity (pA), per population. */
export const ION_PUMP_SCALE_E = 14;
export const ION_PUMP_SCALE_I = 15;
/** Na⁺ extruded per unit of activity per ion step (mM). */
export const ION_NA_EXTRUSION = 16;
/** Pump activity of the silent cell at rest (the zero of the Na⁺ and K⁺ balances). */
export const ION_PUMP_REST = 17;
/** [Na⁺]i of E cells in the working state. */
export const ION_NA_WORKING_E = 18;
export const ION_CL_LOAD = 19;
export const ION_CL_RELAX = 20;
/** Per tile (pointer): the [Cl⁻]i that the transporters pull towards, which follows Ko. */
export const ION_TILE_CL_EQ = 21;
export const ION_CL_FLOOR = 22;
/** f32: the pump's Na⁺ half-saturation Km,Na (dynamics/physics.ts). */
export const ION_PUMP_KM_NA = 23;
/** Fast Na⁺ availability: slow-inactivation gate h, spikes since the last ion step, V, and out. */
export const ION_SLOW_H = 24;
export const ION_SPIKES_SINCE = 25;
export const ION_V = 26;
/** Per cell: the genetic factor of A. */
export const ION_AVAIL_SCALE = 27;
/** Per cell, out: A = scale × h × (1 − drug-bound fraction), and the spike gain gL·ΔT·A (0 in depolarisation block). */
export const ION_AVAILABILITY = 28;
export const ION_EXP_GAIN = 29;
/** f32 fields of the gate. */
export const ION_H_HALF_MV = 30;
export const ION_H_INV_SLOPE = 31;
export const ION_H_RATE = 32;
export const ION_H_PER_SPIKE = 33;
export const ION_BLOCK_BELOW = 34;
export const ION_GAIN_E = 35;
export const ION_GAIN_I = 36;
/** f32: [Na⁺]i of I cells in the working state. */
export const ION_NA_WORKING_I = 37;
/**
 * f32: a sodium-channel blocker's concentration over its dissociation constant from resting and
 * from inactivated channels (0 without a drug): the drug-bound fraction is x/(1 + x) with
 * x = h·restAffinity + (1 − h)·inactivatedAffinity.
 */
export const ION_DRUG_REST_AFFINITY = 38;
export const ION_DRUG_INACT_AFFINITY = 39;
/** f32: pump activity in each population's working state (the zero of its pump current). */
export const ION_PUMP_WORKING_E = 40;
/**
 * f32: E_GABA = RT/F · ln(([Cl⁻]i + insideTerm) · invOutsideTerm), the Goldman equation with
 * bicarbonate (dynamics/physics.ts).
 */
export const ION_RT_OVER_F_MV = 41;
export const ION_GHK_INSIDE_TERM = 42;
export const ION_GHK_INV_OUTSIDE = 43;
export const ION_PUMP_WORKING_I = 44;
/**
 * Na⁺-activated K⁺ current of E cells (dynamics/ions.ts): out, per cell, gMembrane = gL + ΔgKNa
 * (pointer); in, per tile, E_K (pointer); f32: the conductance at full activation (nS), the Hill
 * coefficient n and n·ln(half-activation), ΔgKNa's zero (the conductance in the working state),
 * and gL of each population.
 */
export const ION_G_MEMBRANE = 45;
export const ION_TILE_EK = 46;
export const ION_KNA_G_MAX = 47;
export const ION_KNA_HILL = 48;
export const ION_KNA_HILL_LN_HALF = 49;
export const ION_KNA_G_WORKING = 50;
export const ION_G_L_E = 51;
export const ION_G_L_I = 52;
/**
 * Per cell: how much of a sodium-channel blocker's binding the cell's channels keep (1 normal; a
 * lesion's pyramidal cells less, sheet/lesion.ts): x above is multiplied by it.
 */
export const ION_DRUG_SENSITIVITY = 53;
/**
 * Threads (model/parallel): the cells [ION_FROM, ION_TO) this call updates (both multiples of 4,
 * or ION_TO = n; one thread: 0 and n), and where each cell's excess pump activity goes: 0 = summed
 * here into its tile (ION_TILE_PUMP_SUM), else per cell, for tileBalanceRows to add in cell order.
 */
export const ION_FROM = 54;
export const ION_TO = 55;
export const ION_ABOVE_REST = 56;
/**
 * A blocker's threshold shift (dynamics/availability.ts): the spike gain of a cell whose channels
 * are partly drug-bound is A · free^power, power = kₐ/ΔT − 1 of its population (0: gain ∝ A).
 */
export const ION_DRUG_GAIN_POWER_E = 57;
export const ION_DRUG_GAIN_POWER_I = 58;
export const ION_WORDS = 59;

// ---- ionTiles (dynamics/tiles.kernel.ts): the K⁺ tiles' slow step ---------------------------
// Pointers: K⁺o per tile (f64, in and out) and a scratch copy for diffusion (f64); the spikes and
// the pump's excess activity summed per tile since the last ion step (f32; the spikes are zeroed);
// cells per tile (f64); the glial factor per tile (f32, 0 = every tile 1); out: the leak
// reversals (f64), gL·EL (f32), the pump's K⁺ factor (f32) and E_K (f32). Ints: the number of
// tiles and the tiles per side. TILE_REALS points at TILE_REAL_COUNT f64 constants (TR_*).
export const TILE_KO = 0;
export const TILE_SCRATCH = 1;
export const TILE_SPIKES = 2;
export const TILE_PUMP_SUM = 3;
export const TILE_CELLS = 4;
export const TILE_GLIA = 5;
export const TILE_E_LEAK_E = 6;
export const TILE_E_LEAK_I = 7;
export const TILE_LEAK_E_PA = 8;
export const TILE_LEAK_I_PA = 9;
export const TILE_KO_FACTOR = 10;
export const TILE_EK = 11;
export const TILE_COUNT = 12;
export const TILE_SIDE = 13;
export const TILE_REALS = 14;
export const TILE_WORDS = 15;
/** The f64 constants of ionTiles, computed in TypeScript exactly as the step computed them there. */
export const TR_K_PER_SPIKE = 0;
export const TR_K_PER_ACTIVITY = 1;
export const TR_BUFFER_MAX = 2;
export const TR_GLIA_MAX = 3;
export const TR_GLIA_AT_REST = 4;
export const TR_INV_GLIA_SLOPE = 5;
export const TR_SLOW_RATE = 6;
export const TR_BUFFER_HALF = 7;
export const TR_BUFFER_HALF_BELOW = 8;
export const TR_GLIA_HALF = 9;
export const TR_K_REST = 10;
export const TR_K_FLOOR = 11;
export const TR_DIFFUSION = 12;
/** Leak reversal EL(Ko) = (1 − share)·E_K + share·E_Na, per population: 1 − share and share·E_Na. */
export const TR_KEEP_E = 13;
export const TR_NA_PART_E = 14;
export const TR_KEEP_I = 15;
export const TR_NA_PART_I = 16;
export const TR_G_L_E = 17;
export const TR_G_L_I = 18;
export const TR_RT_OVER_F = 19;
export const TR_K_INSIDE = 20;
export const TR_PUMP_KM_K = 21;
export const TILE_REAL_COUNT = 22;
