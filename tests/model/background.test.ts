/**
 * The background drive runs in WebAssembly; it must be the same stream and the same arithmetic as
 * the plain TypeScript statement it replaces, `gAmpa[rng.int(n)] += jump`.
 */
import { describe, expect, it } from 'vitest';
import { deliverBackground } from '../../src/model/dynamics/background.ts';
import { createState } from '../../src/model/dynamics/state.ts';
import { Rng } from '../../src/model/rng.ts';
import { buildNetwork } from '../../src/model/sheet/network.ts';

describe('background drive', () => {
  // 13 and 48: cell counts that are not powers of two, where the kernel's integer form of
  // floor(u · n), the high word of t · n, must still pick the cells rng.int(n) picks.
  it.each([16, 13, 48])(
    'gives the same conductances and leaves the generator where the TypeScript loop would (side %i)',
    (side) => {
      const seed = 11;
      const rng = new Rng(seed);
      const net = buildNetwork({ side, dtMs: 0.1 }, rng);
      const s = createState(net, rng);
      // A twin generator at the same point of the stream, and a copy of the conductances.
      const twin = new Rng(seed);
      buildNetwork({ side, dtMs: 0.1 }, twin);
      for (let i = 0; i < net.n; i++) twin.uniform();
      const expected = Float32Array.from(s.gAmpaNs);
      const jumpE = 2.1;
      const jumpI = 0.8;
      let total = 0;
      for (let step = 0; step < 200; step++) {
        const events = deliverBackground(s, rng, 20.48, jumpE, jumpI);
        const twinEvents = twin.poisson(20.48);
        expect(events).toBe(twinEvents);
        for (let k = 0; k < twinEvents; k++) {
          const cell = twin.int(net.n);
          expected[cell] += cell < net.nE ? jumpE : jumpI;
        }
        total += events;
      }
      expect(total).toBeGreaterThan(3000);
      expect(Array.from(s.gAmpaNs)).toEqual(Array.from(expected));
      expect(rng.nextU32()).toBe(twin.nextU32());
    },
  );

  it("refuses a generator whose state is not in the kernels' memory", () => {
    const rng = new Rng(1);
    const net = buildNetwork({ side: 16, dtMs: 0.1 }, rng);
    const s = createState(net, rng);
    expect(() => deliverBackground(s, new Rng(2), 5, 1, 1)).toThrow(/kernels' memory/);
  });
});
