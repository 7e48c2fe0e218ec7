/** Flag parsing, apart from any command. */
import { describe, expect, it } from 'vitest';
import {
  type CommandSpec,
  choiceFlag,
  integerFlag,
  numberFlag,
  parseFlags,
  splitAssignment,
} from '../../src/cli/args.ts';
import { UsageError } from '../../src/cli/errors.ts';

const SPEC: CommandSpec = {
  name: 'demo',
  summary: 'a command for the tests',
  flags: [
    { name: 'one', kind: 'one', valueName: 'X', help: '' },
    { name: 'many', kind: 'many', valueName: 'K=V', help: '' },
    { name: 'switch', kind: 'switch', help: '' },
  ],
};

describe('parseFlags', () => {
  it('reads --flag value, --flag=value, repeated flags in order, and switches', () => {
    const f = parseFlags(SPEC, ['--one', '-3.5', '--many=a=1', '--switch', '--many', 'b=2']);
    expect(f.get('one')).toBe('-3.5');
    expect(f.all('many')).toEqual(['a=1', 'b=2']);
    expect(f.has('switch')).toBe(true);
    expect(f.has('missing')).toBe(false);
    expect(f.get('missing')).toBeUndefined();
    expect(f.all('missing')).toEqual([]);
  });

  it('keeps "=" inside a value', () => {
    expect(parseFlags(SPEC, ['--one=a=b']).get('one')).toBe('a=b');
  });

  it('refuses "--", bare words and an empty value', () => {
    expect(() => parseFlags(SPEC, ['--'])).toThrow(UsageError);
    expect(() => parseFlags(SPEC, ['word'])).toThrow(
      /unexpected argument "word" for "demo"; its flags are --one, --many, --switch/,
    );
    expect(() => parseFlags(SPEC, ['--one', ''])).toThrow(/--one needs a value, e.g. --one X/);
  });
});

describe('value checks', () => {
  it('numberFlag takes plain decimals in range', () => {
    expect(numberFlag('d', '2.5', 0, 3, ' s')).toBe(2.5);
    expect(numberFlag('d', '1e-1', 0, 3, ' s')).toBe(0.1);
    for (const bad of ['abc', '', 'NaN', '0x10', '4', '-0.1', '1,5']) {
      expect(() => numberFlag('d', bad, 0, 3, ' s')).toThrow(/--d ".*" is not allowed: it takes a number in 0…3 s/);
    }
  });

  it('integerFlag takes whole numbers in range', () => {
    expect(integerFlag('n', '400', 100, 500)).toBe(400);
    for (const bad of ['400.5', '4e2', '99', '501', 'x'])
      expect(() => integerFlag('n', bad, 100, 500)).toThrow(UsageError);
  });

  it('choiceFlag takes one of its words, case-sensitively', () => {
    expect(choiceFlag('t', 'E', ['E', 'I'] as const)).toBe('E');
    expect(() => choiceFlag('t', 'e', ['E', 'I'] as const)).toThrow(/--t "e" is not allowed: it takes E or I/);
  });

  it('splitAssignment splits at the first "="', () => {
    expect(splitAssignment('lesion=1,1,0.3')).toEqual({ key: 'lesion', value: '1,1,0.3' });
    expect(splitAssignment(' gaba =0.5')).toEqual({ key: 'gaba', value: '0.5' });
    expect(() => splitAssignment('gaba')).toThrow(UsageError);
  });
});
