import { findManufacturerLinkSession } from '../../domain/manufacturer/manufacturer-link-sessions.ts';
import type { MockContext } from '../../domain/mock-context.ts';
import type { Language, ManufacturerLinkSession, SupplierAuthSession } from '../../store/schema.ts';
import { webAppPath } from '../web-app/web-app-pass.ts';
import type { WayBack } from './return-page.ts';

/** Back to the manufacturer's app: its redirect_url, as the manufacturer gave it. */
export function manufacturerWayBack(ctx: MockContext, link: ManufacturerLinkSession): WayBack {
  const manufacturer = ctx.store.peek.organisation(link.organisation_id);
  return { kind: 'manufacturer', name: manufacturer?.name ?? link.organisation_id, url: link.redirect_url };
}

/** Where the customer goes from NOX's end page of a supplier-auth session: the app the journey began in. */
export function wayBackOf(ctx: MockContext, session: SupplierAuthSession, language: Language): WayBack {
  const link = session.manufacturer_link_token
    ? findManufacturerLinkSession(ctx, session.manufacturer_link_token)
    : undefined;
  if (link) return manufacturerWayBack(ctx, link);
  if (session.origin === 'web_app' && session.manufacturer_user_id) {
    const pass = { brand: session.brand, account: session.manufacturer_user_id };
    return {
      kind: 'web-app',
      url: webAppPath(session.status === 'connected' ? 'settings' : 'home', pass, language),
    };
  }
  return null;
}
