import { findManufacturerLinkSession } from '../../domain/manufacturer/manufacturer-link-sessions.ts';
import type { MockContext } from '../../domain/mock-context.ts';
import { pageLanguage } from '../../domain/page-language.ts';
import { chooseSupplier } from '../../domain/supplier-auth/choose-supplier.ts';
import { selectableSuppliers } from '../../domain/supplier-auth/selectable-suppliers.ts';
import { errors } from '../../errors/error-templates.ts';
import { publicUrlOf } from '../../http/public-url.ts';
import type { RouteHandler } from '../../http/router.ts';
import { appTextsFor } from '../kit/app-texts.ts';
import { readForm } from '../kit/read-form.ts';
import { sendPage } from '../kit/send-page.ts';
import { CHOOSE_SUPPLIER_PATH } from './open-manufacturer-link.ts';
import { sendChoiceResult } from './send-choice-result.ts';
import { renderSupplierSelectorPage } from './supplier-selector-page.ts';
import { manufacturerWayBack } from './way-back.ts';

/** `POST /ui/suppliers`: the supplier chosen for a manufacturer link session; 302 to its OAuth page. */
export function submitSupplierChoice(ctx: MockContext): RouteHandler {
  return async (req, res) => {
    const form = readForm(req.body);
    const supplierId = typeof req.body?.supplier_id === 'string' ? req.body.supplier_id : '';
    const link = form.token ? findManufacturerLinkSession(ctx, form.token) : undefined;
    if (!link) throw errors.manufacturerLinkSessionNotFound(form.token);
    res.locals.organisationId = link.organisation_id;
    const language = pageLanguage(form.language, pageLanguage(link.language, 'nl'));
    const suppliers = selectableSuppliers(ctx);
    const supplier = suppliers.find((s) => s.id === supplierId);
    if (!supplier) {
      const error = appTextsFor(language).supplierUnknown;
      const view = { language, token: form.token, action: CHOOSE_SUPPLIER_PATH, suppliers, error };
      return sendPage(res, renderSupplierSelectorPage(view), 400);
    }
    const origin = { kind: 'manufacturer-link', token: form.token } as const;
    const result = chooseSupplier(ctx, origin, supplier.id, publicUrlOf(req));
    const wayBack = manufacturerWayBack(ctx, link);
    await sendChoiceResult(ctx, res, result, { language, supplier: supplier.name, wayBack });
  };
}
