import { errors } from '../../errors/error-templates.ts';
import type { Organisation } from '../../store/schema.ts';
import { type Brand, findBrand } from '../brands.ts';
import type { MockContext } from '../mock-context.ts';

/**
 * The brand of a manufacturer's users' devices: the first supported brand it makes, else a brand whose
 * slug is its name. A manufacturer with neither is "not enabled" (the documented 401).
 */
export function manufacturerBrand(org: Organisation): Brand {
  const slug = org.name.trim().toLowerCase().replace(/\s+/g, '-');
  const brand = [...org.brands, slug].map((b) => findBrand(b)).find((b) => b !== undefined);
  if (!brand) throw errors.manufacturerNotEnabled(org.name);
  return brand;
}

/** The manufacturer organisation that makes a brand (the first created), or null when none does. */
export function manufacturerOfBrand(ctx: MockContext, brandSlug: string): Organisation | null {
  return (
    ctx.store.rows('organisations').find((o) => o.kind === 'manufacturer' && o.brands.includes(brandSlug)) ??
    null
  );
}

/** `brand` of a v2 manufacturer link session: the manufacturer's display name, title-cased. */
export function titleCased(name: string): string {
  return name
    .split(/(\s+)/)
    .map((w) => (w.trim() === '' ? w : w[0]?.toUpperCase() + w.slice(1).toLowerCase()))
    .join('');
}
