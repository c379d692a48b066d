import {
  findManufacturerLinkSession,
  manufacturerSessionProblem,
} from '../../domain/manufacturer/manufacturer-link-sessions.ts';
import type { MockContext } from '../../domain/mock-context.ts';
import { pageLanguage } from '../../domain/page-language.ts';
import { selectableSuppliers } from '../../domain/supplier-auth/selectable-suppliers.ts';
import { manufacturerFailureUrl } from '../../domain/supplier-auth/supplier-auth-end.ts';
import { errors } from '../../errors/error-templates.ts';
import type { MockRequest, MockResponse } from '../../http/router.ts';
import { renderErrorPage } from '../kit/render-error-page.ts';
import { sendPage } from '../kit/send-page.ts';
import { renderReturnPage } from './return-page.ts';
import { renderSupplierSelectorPage } from './supplier-selector-page.ts';
import { manufacturerWayBack } from './way-back.ts';

/** The path the selector's choice is posted to, for a manufacturer link session. */
export const CHOOSE_SUPPLIER_PATH = '/ui/suppliers';

/**
 * Opens a manufacturer link session's link_url (v2 `/ui?token=…`, deprecated `/?token=…&connection_type=
 * manufacturer`) when the token is one; any other request goes on (flow 1's link pages, or a 404).
 * An expired or used link ends at once as in flow 1: the manufacturer's redirect_url with error=, or
 * NOX's failure page when failure redirects are off. Returns false when the request is not one it answers.
 */
export function openManufacturerLink(ctx: MockContext): (req: MockRequest, res: MockResponse) => boolean {
  return (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const link = token ? findManufacturerLinkSession(ctx, token) : undefined;
    if (!link && req.path === '/' && req.query.connection_type === 'manufacturer') {
      // `/` is not under /ui, so an error would be answered as JSON: the browser gets NOX's page.
      const message = errors.manufacturerLinkSessionNotFound(token).message;
      sendPage(res, renderErrorPage(message, req.query.language), 404);
      return true;
    }
    if (!link) return false;
    res.locals.organisationId = link.organisation_id;
    const language = pageLanguage(req.query.language, pageLanguage(link.language, 'nl'));
    const problem = manufacturerSessionProblem(ctx, link);
    if (problem) {
      const url = manufacturerFailureUrl(ctx, link, problem);
      if (url) res.redirect(302, url);
      else {
        const wayBack = manufacturerWayBack(ctx, link);
        sendPage(res, renderReturnPage({ language, supplier: '', error: problem, wayBack }));
      }
      return true;
    }
    const suppliers = selectableSuppliers(ctx);
    sendPage(res, renderSupplierSelectorPage({ language, token, action: CHOOSE_SUPPLIER_PATH, suppliers }));
    return true;
  };
}
