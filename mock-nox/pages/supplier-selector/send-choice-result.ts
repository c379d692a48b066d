import type { MockContext } from '../../domain/mock-context.ts';
import type { ChooseSupplierResult } from '../../domain/supplier-auth/choose-supplier.ts';
import type { MockResponse } from '../../http/router.ts';
import type { Language } from '../../store/schema.ts';
import { sendPage } from '../kit/send-page.ts';
import { renderReturnPage, type WayBack } from './return-page.ts';

/**
 * After a supplier was chosen: 302 to the supplier's OAuth page; a failure (expired or used link, no
 * devices, outage) goes to the manufacturer's redirect_url or is NOX's failure page with the way back.
 */
export async function sendChoiceResult(
  ctx: MockContext,
  res: MockResponse,
  result: ChooseSupplierResult,
  failure: { language: Language; supplier: string; wayBack: WayBack },
): Promise<void> {
  await ctx.store.commit();
  if (result.ok) return res.redirect(302, result.oauthUrl);
  if (result.redirectUrl) return res.redirect(302, result.redirectUrl);
  sendPage(res, renderReturnPage({ ...failure, error: result.error }));
}
