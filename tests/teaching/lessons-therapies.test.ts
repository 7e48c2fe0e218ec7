/**
 * The lessons on age, lesions and the therapies beyond drugs: each check, run against the real
 * simulation, reports the outcome the lesson teaches (the rest are in lessons.test.ts).
 */
import { describe } from 'vitest';
import { itTeaches } from './run-and-check.ts';

describe('each lesson’s check against the real simulation: age, lesions, other therapies', () => {
  itTeaches('newborn');
  itTeaches('lesion-surgery');
  itTeaches('neurostimulation');
  itTeaches('ketogenic');
});
