import type { Organisation } from '../../openapi/wire-types.ts';
import type { SupplierAdapter } from '../config/define-config.ts';
import type { AdapterNeed } from '../config/supplier-adapter.ts';

const PATHS = ['oauthLoginPath', 'webhookPath'] as const;
type PathNeed = (typeof PATHS)[number];
const isPath = (need: AdapterNeed): need is PathNeed => (PATHS as readonly string[]).includes(need);

/** Whether the adapter has an optional hook, or (for oauthLoginPath / webhookPath) that path of the app. */
export function adapterHas(adapter: SupplierAdapter, need: AdapterNeed): boolean {
  return isPath(need) ? typeof adapter[need] === 'string' : typeof adapter.hooks[need] === 'function';
}

/** The needs this adapter lacks, in the scenario's order. */
export function lackedNeeds(needs: AdapterNeed[], adapter: SupplierAdapter): AdapterNeed[] {
  return needs.filter((need) => !adapterHas(adapter, need));
}

/**
 * Why a scenario with these needs cannot run on this adapter ("the adapter has no readBack hook", "the
 * adapter has no oauthLoginPath"), or undefined when it has them all.
 */
export function missingNeeds(
  needs: AdapterNeed[],
  adapter: SupplierAdapter,
  organisation?: Pick<Organisation, 'name' | 'oauth_login_url' | 'webhook_url'>,
): string | undefined {
  const missing = lackedNeeds(needs, adapter);
  if (missing.length === 0) {
    // A running app's organisation (supplier.url) was made elsewhere: it may lack the URL the path would give.
    const field =
      needs.includes('oauthLoginPath') && !organisation?.oauth_login_url
        ? 'oauth_login_url'
        : needs.includes('webhookPath') && !organisation?.webhook_url
          ? 'webhook_url'
          : undefined;
    return organisation && field
      ? `the run's organisation (${organisation.name}) has no ${field}`
      : undefined;
  }
  const hooks = missing.filter((need) => !isPath(need));
  const paths = missing.filter(isPath);
  const parts = [
    ...(hooks.length ? [`${hooks.join(', ')} hook${hooks.length > 1 ? 's' : ''}`] : []),
    ...paths,
  ];
  return `the adapter has no ${parts.join(', ')}`;
}
