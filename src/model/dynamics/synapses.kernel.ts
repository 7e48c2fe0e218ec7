/**
 * Spike propagation into the delay rings, compiled to WebAssembly (see synapses.ts beside it for
 * the synapses' equations and the ring schedule).
 */
import {
  PROP_BASE_OFFSET,
  PROP_EVENTS,
  PROP_INV_U0,
  PROP_N_E,
  PROP_OUT_OFFSET,
  PROP_OUT_START,
  PROP_RECOVERY_PER_STEP,
  PROP_RELEASE_U,
  PROP_RESOURCE,
  PROP_RESOURCE_STAMP,
  PROP_SEGMENT_COUNT,
  PROP_SEGMENTS,
  PROP_RING_E,
  PROP_RING_I,
  PROP_RING_SIZE,
  PROP_SPIKE_COUNT,
  PROP_SPIKE_IDX,
  PROP_STEP,
} from '../kernels/layout';

// @ts-ignore: AssemblyScript decorator
@inline
function ptr(block: usize, word: i32): usize {
  return <usize>load<i32>(block + (<usize>word << 2));
}
// @ts-ignore: AssemblyScript decorator
@inline
function int(block: usize, word: i32): i32 {
  return load<i32>(block + (<usize>word << 2));
}
// @ts-ignore: AssemblyScript decorator
@inline
function real(block: usize, word: i32): f32 {
  return load<f32>(block + (<usize>word << 2));
}

/**
 * The release of an E terminal at a spike (Tsodyks–Markram): its resource x recovers towards 1
 * since the last spike, the spike releases U·x, and x − U·x is left. Returns U·x. One function for
 * both places a release is computed (propagate with one thread, the neuron step with several), so
 * that the arithmetic, and the bits, are the same.
 */
// @ts-ignore: AssemblyScript decorator
@inline
export function releaseAt(
  resourceP: usize,
  stampP: usize,
  pre: i32,
  step: i32,
  releaseU: f32,
  recoveryPerStep: f32,
): f32 {
  const at = resourceP + (<usize>pre << 2);
  const stampAt = stampP + (<usize>pre << 2);
  const elapsed = <f32>(step - load<i32>(stampAt));
  const x: f32 = 1.0 - (1.0 - load<f32>(at)) * Mathf.exp(-elapsed * recoveryPerStep);
  const released = releaseU * x;
  store<f32>(at, x - released);
  store<i32>(stampAt, step);
  return released;
}

/** Add `amount` to the ring slot of every synapse from…to−1 of the CSR. */
// @ts-ignore: AssemblyScript decorator
@inline
function deliver(outOffsetP: usize, from: i32, to: i32, ringP: usize, baseOffset: i32, ringSize: i32, amount: f32): void {
  for (let syn = from; syn < to; syn++) {
    let idx = baseOffset + load<i32>(outOffsetP + (<usize>syn << 2));
    if (idx >= ringSize) idx -= ringSize;
    const cellAt = ringP + (<usize>idx << 2);
    store<f32>(cellAt, load<f32>(cellAt) + amount);
  }
}

/**
 * Write this step's spikes into the delay rings. Each synapse stores its ring offset
 * delaySteps · n + target; the slot of step t + d + 1 is (baseOffset + offset) mod ringSize.
 * Excitatory terminals release U·x of their resource (Tsodyks–Markram), recovered lazily since
 * their last spike; inhibitory spikes carry 1.
 */
export function propagate(block: usize): void {
  const spikeP = ptr(block, PROP_SPIKE_IDX);
  const outStartP = ptr(block, PROP_OUT_START);
  const outOffsetP = ptr(block, PROP_OUT_OFFSET);
  const ringEP = ptr(block, PROP_RING_E);
  const ringIP = ptr(block, PROP_RING_I);
  const resourceP = ptr(block, PROP_RESOURCE);
  const stampP = ptr(block, PROP_RESOURCE_STAMP);
  const count = int(block, PROP_SPIKE_COUNT);
  const nE = int(block, PROP_N_E);
  const step = int(block, PROP_STEP);
  const ringSize = int(block, PROP_RING_SIZE);
  const baseOffset = int(block, PROP_BASE_OFFSET);
  const releaseU = real(block, PROP_RELEASE_U);
  const invU0 = real(block, PROP_INV_U0);
  const recoveryPerStep = real(block, PROP_RECOVERY_PER_STEP);
  let events = 0;
  for (let k = 0; k < count; k++) {
    const pre = load<i32>(spikeP + (<usize>k << 2));
    const from = load<i32>(outStartP + (<usize>pre << 2));
    const to = load<i32>(outStartP + (<usize>(pre + 1) << 2));
    events += to - from;
    let ringP = ringIP;
    let amount: f32 = 1.0;
    if (pre < nE) {
      amount = releaseAt(resourceP, stampP, pre, step, releaseU, recoveryPerStep) * invU0;
      ringP = ringEP;
    }
    deliver(outOffsetP, from, to, ringP, baseOffset, ringSize, amount);
  }
  store<i32>(block + (<usize>PROP_EVENTS << 2), events);
}

/**
 * One thread's share of propagate (model/parallel): the spike lists of every thread, in the
 * serial order (PROP_SEGMENTS), each E spike with the release its owner computed at the spike,
 * delivered through this thread's CSR, which holds only the synapses onto its own cells. Each
 * ring slot therefore receives the same additions in the same order as with one thread.
 */
export function propagateLists(block: usize): void {
  const segP = ptr(block, PROP_SEGMENTS);
  const segments = int(block, PROP_SEGMENT_COUNT);
  const outStartP = ptr(block, PROP_OUT_START);
  const outOffsetP = ptr(block, PROP_OUT_OFFSET);
  const ringEP = ptr(block, PROP_RING_E);
  const ringIP = ptr(block, PROP_RING_I);
  const ringSize = int(block, PROP_RING_SIZE);
  const baseOffset = int(block, PROP_BASE_OFFSET);
  let events = 0;
  for (let g = 0; g < segments; g++) {
    const row = segP + (<usize>g << 4);
    const spikeP = <usize>load<i32>(row);
    const amountP = <usize>load<i32>(row, 4);
    const count = load<i32>(row, 8);
    const excitatory = load<i32>(row, 12) != 0;
    const ringP = excitatory ? ringEP : ringIP;
    for (let k = 0; k < count; k++) {
      const pre = load<i32>(spikeP + (<usize>k << 2));
      const from = load<i32>(outStartP + (<usize>pre << 2));
      const to = load<i32>(outStartP + (<usize>(pre + 1) << 2));
      events += to - from;
      const amount: f32 = excitatory ? load<f32>(amountP + (<usize>k << 2)) : 1.0;
      deliver(outOffsetP, from, to, ringP, baseOffset, ringSize, amount);
    }
  }
  store<i32>(block + (<usize>PROP_EVENTS << 2), events);
}
