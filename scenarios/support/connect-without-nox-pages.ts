import type { AssetType, ScenarioContext } from '../../harness/index.ts';
import { linkedNoxUser, type NoxUser } from './linked-nox-user.ts';

export interface ConnectOptions {
  username?: string;
  brand?: string;
  assetType?: AssetType;
}

/**
 * Connects the current customer without NOX's pages, for scenarios about what happens afterwards (the
 * happy paths cover the pages): the supplier's connect button, NOX completing the session through the
 * control API, then the browser opening the callback NOX would have sent it to. Answers the NOX user and
 * that callback URL.
 */
export async function connectWithoutNoxPages(
  t: ScenarioContext,
  { username = t.username(), brand = 'daikin', assetType = 'hp' }: ConnectOptions = {},
): Promise<{ noxUser: NoxUser; callbackUrl: string }> {
  await t.supplier.startConnection({ assetType });
  const session = await t.nox.latestLinkSession();
  const callbackUrl = await t.platform.complete(session.token, { brand, username });
  if (callbackUrl === null) throw new Error(`NOX did not complete link session ${session.token}`);
  await t.supplier.open(callbackUrl);
  await t.expect.connected();
  return { noxUser: await linkedNoxUser(t), callbackUrl };
}
