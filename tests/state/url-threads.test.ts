import { describe, expect, it } from 'vitest';
import { defaultAddressIntent, intentFromQuery, queryFromIntent } from '../../src/state/url.ts';

describe('threads in the address', () => {
  it('threads=N asks for N threads and loads the rest as usual', () => {
    const read = intentFromQuery('?gaba=0.6&threads=1');
    expect(read.threads).toBe(1);
    expect(read.problems).toEqual([]);
    expect(read.intent.params.gaba).toBe(0.6);
    expect(intentFromQuery('?threads=16').threads).toBe(16);
    expect(intentFromQuery('?gaba=0.6').threads).toBeUndefined();
  });

  it('anything but a whole number in 1…16 is left out and named, with what is allowed', () => {
    for (const bad of ['0', '17', '1.5', 'two', '']) {
      const read = intentFromQuery(`?threads=${bad}&gaba=0.6`);
      expect(read.threads).toBeUndefined();
      expect(read.problems).toEqual([
        `threads=${bad} is not allowed: threads takes a whole number in 1…16 (threads stepping the sheet)`,
      ]);
      expect(read.intent.params.gaba).toBe(0.6);
    }
  });

  it('is written last while the page was asked for it, and reads back', () => {
    const intent = { ...defaultAddressIntent(), speed: 2 };
    expect(queryFromIntent(defaultAddressIntent(), [], null, false, 1)).toBe('?threads=1');
    const query = queryFromIntent(intent, [], null, true, 2);
    expect(query).toBe('?speed=2&embed=1&threads=2');
    expect(intentFromQuery(query)).toMatchObject({ embed: true, threads: 2, intent: { speed: 2 }, problems: [] });
    expect(queryFromIntent(intent)).toBe('?speed=2');
  });
});
