import { describe, expect, test } from 'vitest';
import { formatDuration } from './format-duration.ts';

describe('durations', () => {
  test.each([
    [850, '850 ms'],
    [4_249, '4.2 s'],
    [125_000, '2 min 5 s'],
  ])('prints %d ms as "%s"', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
