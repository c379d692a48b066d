import type { AssetType, ScenarioContext } from '../../harness/index.ts';
import { linkedNoxUser, type NoxUser } from './linked-nox-user.ts';

export interface ConnectWithoutPagesOptions {
  username?: string;
  brand?: string;
  /** The asset type of `brand`, which the supplier's link session must carry. */
  assetType?: AssetType;
}

const kind: Record<AssetType, string> = { hp: 'heat-pump', pv: 'PV' };

/**
 * Connects the current customer without NOX's pages, for scenarios about what happens afterwards (the
 * happy paths cover the pages): the supplier's connect button, NOX completing the session through the
 * control API, then the browser opening the callback NOX would have sent it to. Answers the NOX user and
 * that callback URL.
 */
export async function connectWithoutNoxPages(
  t: ScenarioContext,
  { username = t.username(), brand = 'daikin', assetType = 'hp' }: ConnectWithoutPagesOptions = {},
): Promise<{ noxUser: NoxUser; callbackUrl: string }> {
  await t.supplier.startConnection({ assetType });
  const session = await t.nox.latestLinkSession();
  // NOX offers only the brands of the session's asset type (a missing one is a 400, or hp under the
  // policy missing_asset_type: hp), so completing
  // with a brand of another type would fail on the control API; name the supplier's mistake instead.
  const sent = session.request.asset_type;
  t.expect.that(
    (sent ?? 'hp') === assetType,
    `the link session for ${brand} (a ${kind[assetType]} brand) to carry asset_type "${assetType}"`,
    `the supplier created the link session ${
      sent === undefined
        ? 'without asset_type (taken as hp under missing_asset_type: hp)'
        : `with asset_type ${JSON.stringify(sent)}`
    }; a ${kind[assetType]} brand needs ${assetType}`,
  );
  const callbackUrl = await t.platform.complete(session.token, { brand, username });
  if (callbackUrl === null) throw new Error(`NOX did not complete link session ${session.token}`);
  await t.supplier.open(callbackUrl);
  await t.expect.connected();
  return { noxUser: await linkedNoxUser(t), callbackUrl };
}
