import { createHash } from 'node:crypto';

/** A number in [0, 1) fixed by its inputs: the mock's data are plausible but always the same for the same device and time. */
export function stableFraction(...parts: (string | number)[]): number {
  return createHash('sha256').update(parts.join('\u0000')).digest().readUInt32BE(0) / 2 ** 32;
}

/** A value in [min, max] fixed by its inputs, rounded to `decimals`. */
export function stableBetween(
  min: number,
  max: number,
  decimals: number,
  ...parts: (string | number)[]
): number {
  return round(min + (max - min) * stableFraction(...parts), decimals);
}

export function round(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
