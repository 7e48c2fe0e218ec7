import { describe, expect, it } from 'vitest';
import { defaultAddressIntent, intentFromQuery, queryFromIntent } from '../../src/state/url.ts';

describe('embed in the address', () => {
  it('embed=1 asks for the compact page and loads the rest as usual', () => {
    const read = intentFromQuery('?gaba=0.6&embed=1');
    expect(read.embed).toBe(true);
    expect(read.problems).toEqual([]);
    expect(read.intent.params.gaba).toBe(0.6);
    expect(intentFromQuery('?embed=0').embed).toBeUndefined();
    expect(intentFromQuery('?gaba=0.6').embed).toBeUndefined();
  });

  it('anything else is left out and named, with what is allowed', () => {
    const read = intentFromQuery('?embed=yes&gaba=0.6');
    expect(read.embed).toBeUndefined();
    expect(read.problems).toEqual(['embed=yes is not allowed: embed takes 1 (the compact page for course pages) or 0']);
    expect(intentFromQuery('?embed=1&embed=1').problems).toEqual([
      'embed=1 was left out: embed is given more than once, and embed=1 is used',
    ]);
  });

  it('is written last while the page is compact, and reads back', () => {
    const intent = { ...defaultAddressIntent(), speed: 2 };
    expect(queryFromIntent(defaultAddressIntent(), [], null, true)).toBe('?embed=1');
    const query = queryFromIntent(intent, [], null, true);
    expect(query).toBe('?speed=2&embed=1');
    expect(intentFromQuery(query)).toMatchObject({ embed: true, intent: { speed: 2 }, problems: [] });
    expect(queryFromIntent(intent)).toBe('?speed=2');
  });
});
