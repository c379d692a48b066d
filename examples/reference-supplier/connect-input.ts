import type { AssetType } from './nox-client.ts';
import { queryValue } from './routes/query-value.ts';

/** What the customer asked for when pressing Connect (or opening a /nox/connect link). */
export interface ConnectInput {
  assetType: AssetType;
  language: string;
  brand?: string;
}

const languages: readonly string[] = ['nl', 'en', 'fr', 'es'];

/** Reads the form or query; asset_type is required, language defaults to English, brand is optional. */
export function readConnectInput(input: Record<string, unknown>): ConnectInput | { problems: string[] } {
  const assetType = queryValue(input.asset_type) ?? '';
  const language = queryValue(input.language) || 'en';
  const brand = queryValue(input.brand) || undefined;
  const problems: string[] = [];
  if (assetType !== 'hp' && assetType !== 'pv')
    problems.push(`asset_type must be hp or pv (got "${assetType}")`);
  if (!languages.includes(language))
    problems.push(`language must be one of ${languages.join(', ')} (got "${language}")`);
  if (problems.length > 0) return { problems };
  return { assetType: assetType as AssetType, language, ...(brand ? { brand } : {}) };
}
