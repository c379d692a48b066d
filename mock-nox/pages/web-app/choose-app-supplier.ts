import { manufacturerOfBrand } from '../../domain/manufacturer/manufacturer-brand.ts';
import type { MockContext } from '../../domain/mock-context.ts';
import { chooseSupplier } from '../../domain/supplier-auth/choose-supplier.ts';
import { selectableSuppliers } from '../../domain/supplier-auth/selectable-suppliers.ts';
import { publicUrlOf } from '../../http/public-url.ts';
import type { RouteHandler } from '../../http/router.ts';
import { appTextsFor } from '../kit/app-texts.ts';
import { readForm } from '../kit/read-form.ts';
import { sendPage } from '../kit/send-page.ts';
import { sendChoiceResult } from '../supplier-selector/send-choice-result.ts';
import { renderAppSelector } from './show-app-suppliers.ts';
import { webAppPath } from './web-app-pass.ts';
import { signedInPass, webAppLanguage } from './web-app-request.ts';

/**
 * `POST /ui/app/suppliers`: the web-app user chose a supplier: 302 to its OAuth page, or NOX's failure
 * page (a web-app start has no redirect_url of its own) with the way back into the app.
 */
export function chooseAppSupplier(ctx: MockContext): RouteHandler {
  return async (req, res) => {
    const form = readForm(req.body);
    const supplierId = typeof req.body?.supplier_id === 'string' ? req.body.supplier_id : '';
    const { pass } = signedInPass(form.token, res);
    const language = webAppLanguage(form.language);
    const supplier = selectableSuppliers(ctx).find((s) => s.id === supplierId);
    if (!supplier) {
      const error = appTextsFor(language).supplierUnknown;
      return sendPage(res, renderAppSelector(ctx, pass, language, error), 400);
    }
    const origin = {
      kind: 'web-app',
      manufacturerOrgId: manufacturerOfBrand(ctx, pass.brand)?.id ?? null,
      manufacturerUserId: pass.account,
      brand: pass.brand,
      language,
    } as const;
    const result = chooseSupplier(ctx, origin, supplier.id, publicUrlOf(req));
    const wayBack = { kind: 'web-app', url: webAppPath('home', pass, language) } as const;
    await sendChoiceResult(ctx, res, result, { language, supplier: supplier.name, wayBack });
  };
}
