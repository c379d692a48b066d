import { errors } from '../../errors/error-templates.ts';
import type { Organisation } from '../../store/schema.ts';
import type { MockContext } from '../mock-context.ts';
import { getOrganisation } from '../organisations.ts';

/** The suppliers NOX's energy-supplier selector lists: those with an oauth_login_url. */
export function selectableSuppliers(ctx: MockContext): Organisation[] {
  return ctx.store.rows('organisations').filter((o) => o.kind === 'supplier' && o.oauth_login_url);
}

/** The supplier the user picked, or an error saying why it cannot be picked (404 unknown, 400 not listed). */
export function selectableSupplier(
  ctx: MockContext,
  supplierId: string,
): Organisation & { oauth_login_url: string } {
  const org = getOrganisation(ctx, supplierId);
  if (org.kind !== 'supplier') throw errors.supplierNotSelectable(org.id, `${org.name} is a ${org.kind}`);
  if (!org.oauth_login_url) throw errors.supplierNotSelectable(org.id, `${org.name} has no oauth_login_url`);
  return org as Organisation & { oauth_login_url: string };
}
