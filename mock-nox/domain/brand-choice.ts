import { errors } from '../errors/error-templates.ts';
import type { AssetType } from '../store/schema.ts';
import { brands, brandsFor, findBrand, findV1Brand, v1Brands } from './brands.ts';

const slugs = (list: readonly { slug: string }[]) => list.map((b) => b.slug);

/**
 * A v2 brand as its slug, checked against the asset type. The older render of the v2 reference lists
 * spaced names ("alpha innotec") and its curl example sends one, so those are accepted as aliases.
 */
export function v2Brand(name: string, assetType: AssetType): string {
  const brand = findBrand(name) ?? findV1Brand(name);
  if (!brand) throw errors.brandUnknown(name, slugs(brands));
  if (brand.assetType !== assetType)
    throw errors.brandWrongAssetType(name, assetType, slugs(brandsFor(assetType)));
  return brand.slug;
}

/** A v1 brand name (the 13 spaced names of the deprecated endpoint), as its slug. */
export function v1Brand(name: string): string {
  const brand = findV1Brand(name);
  if (!brand)
    throw errors.brandUnknown(
      name,
      v1Brands.map((b) => b.v1Name ?? b.slug),
    );
  return brand.slug;
}
