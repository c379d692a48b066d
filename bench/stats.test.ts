import { describe, expect, test } from 'vitest';
import { median, percentile, ratio } from './stats.ts';

describe('the bench arithmetic', () => {
  test('the median of an even count is the mean of the middle two, of an odd count the middle one', () => {
    expect(median([5, 1])).toBe(3);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([])).toBe(0);
  });

  test('p99 is the nearest rank, so one slow sample in a hundred is not the p99', () => {
    const samples = [...Array.from({ length: 99 }, () => 10), 1000];
    expect(percentile(samples, 99)).toBe(10);
    expect(percentile([...samples, 1000], 99)).toBe(1000);
  });

  test('a ratio over nothing measured is null, never invented', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(null, 2)).toBeNull();
  });
});
