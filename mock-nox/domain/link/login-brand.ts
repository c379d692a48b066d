import { errors } from '../../errors/error-templates.ts';
import type { LinkSession } from '../../store/schema.ts';
import { type Brand, brandsFor, findBrand, findV1Brand } from '../brands.ts';

/**
 * The brand the user logs in at: its slug (or a v1 spaced name) must exist, fit the session's asset
 * type and match a pre-selected brand; without a choice, the pre-selected brand. Pages and the control
 * API's complete both use this, so they accept and refuse the same brands.
 */
export function loginBrand(session: LinkSession, requested: string | undefined): Brand {
  if (requested === undefined) {
    const preselected = session.brand === null ? undefined : findBrand(session.brand);
    if (!preselected) throw errors.brandRequired();
    return preselected;
  }
  const brand = findBrand(requested) ?? findV1Brand(requested);
  const allowed = () => brandsFor(session.asset_type).map((b) => b.slug);
  if (!brand) throw errors.brandUnknown(requested, allowed());
  if (brand.assetType !== session.asset_type)
    throw errors.brandWrongAssetType(requested, session.asset_type, allowed());
  if (session.brand && session.brand !== brand.slug)
    throw errors.loginNotPreselected(requested, session.brand);
  return brand;
}
