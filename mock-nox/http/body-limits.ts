/** No NOX body nests deeper than 4 levels; 32 leaves room and keeps every stored value serialisable. */
export const MAX_BODY_DEPTH = 32;

/** How deeply `value` nests, counting only up to `limit + 1` (so a hostile body costs no more than that). */
export function depthOf(value: unknown, limit = MAX_BODY_DEPTH): number {
  if (typeof value !== 'object' || value === null) return 0;
  if (limit < 0) return 1;
  let deepest = 0;
  for (const child of Object.values(value)) {
    deepest = Math.max(deepest, depthOf(child, limit - 1));
    if (deepest > limit) break;
  }
  return deepest + 1;
}
