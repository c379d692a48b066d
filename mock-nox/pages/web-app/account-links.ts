import type { MockContext } from '../../domain/mock-context.ts';
import type { Organisation, SupplierAuthSession } from '../../store/schema.ts';
import type { WebAppPass } from './web-app-pass.ts';

/** The finished supplier-auth sessions that connected this web-app account, newest first. */
function connections(ctx: MockContext, pass: WebAppPass): SupplierAuthSession[] {
  return ctx.store.peek
    .supplierAuthSessionsOf(pass.brand, pass.account)
    .filter((s) => s.status === 'connected')
    .sort((a, b) => (b.ended_at ?? 0) - (a.ended_at ?? 0));
}

/** The suppliers the account turned NOX optimisations on with (from the web app or the manufacturer's app). */
export function connectedSuppliers(ctx: MockContext, pass: WebAppPass): Organisation[] {
  const ids = new Set(connections(ctx, pass).map((s) => s.supplier_organisation_id));
  return ctx.store.rows('organisations').filter((o) => ids.has(o.id));
}

/** The NOX user whose settings the web app shows: the one of the account's latest connection. */
export function linkedNoxUserId(ctx: MockContext, pass: WebAppPass): string | null {
  const id = connections(ctx, pass)[0]?.nox_user_id ?? null;
  return id !== null && ctx.store.peek.noxUser(id) ? id : null;
}
