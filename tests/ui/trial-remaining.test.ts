import { describe, expect, it } from 'vitest';
import { remainingText } from '../../src/ui/trial/remaining.ts';

describe('remainingText', () => {
  it('says nothing until every worker has finished a patient, and nothing once all are done', () => {
    expect(remainingText(50, 1, 200, 2)).toBeNull();
    expect(remainingText(50, 0, 200, 1)).toBeNull();
    expect(remainingText(9000, 200, 200, 2)).toBeNull();
  });

  it('projects the pace so far onto the patients left', () => {
    // 2 patients in 100 s: 50 s each, 198 left: 9,900 s = 2 h 45 min.
    expect(remainingText(100, 2, 200, 2)).toBe('about 2 h 45 min left');
    expect(remainingText(100, 2, 14, 2)).toBe('about 10 min left');
    expect(remainingText(120, 1, 2, 1)).toBe('about 2 min left');
    expect(remainingText(60, 2, 3, 2)).toBe('less than a minute left');
    // A whole number of hours says no minutes.
    expect(remainingText(60, 1, 61, 1)).toBe('about 1 h left');
  });
});
