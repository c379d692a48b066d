import { brands, brandsFor, findBrand, findV1Brand, v1Brands } from '../domain/brands.ts';
import { errors } from '../errors/error-templates.ts';
import type { AssetType } from '../store/db.ts';

const slugs = (list: readonly { slug: string }[]) => list.map((b) => b.slug);

/** A v2 brand slug checked against the asset type; a v1-style spaced name gets a hint to the slug. */
export function v2Brand(name: string, assetType: AssetType): string {
  const brand = findBrand(name);
  if (!brand) {
    const spaced = findV1Brand(name);
    if (spaced) throw errors.brandSpacedInV2(name, spaced.slug);
    throw errors.brandUnknown(name, slugs(brands));
  }
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
