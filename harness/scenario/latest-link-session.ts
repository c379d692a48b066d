import { ExpectationFailed } from '../errors.ts';
import type { MockClient } from '../runner/mock-client.ts';
import type { Scenario } from './define-scenario.ts';
import { describeSentKeys } from './describe-sent-keys.ts';
import type { JournalView } from './journal-view.ts';
import type { LinkSessionSeen } from './scenario-context.ts';

const LINK_CREATION = /^\/(v2\/supplier\/link-sessions|users\/[^/]+\/link)$/;

export interface LatestLinkSessionOptions {
  scenario: Scenario;
  mock: MockClient;
  organisationId: string;
  journal: JournalView;
}

/**
 * The latest link session the supplier created for the scenario's customers (v2 or v1): the call as the
 * journal recorded it, the session as the mock's state has it now. Fails naming NOX's refusals, if any.
 */
export async function findLatestLinkSession(
  options: LatestLinkSessionOptions,
  user: string,
): Promise<LinkSessionSeen> {
  const { scenario, journal } = options;
  const created = (await journal({ method: 'POST' })).filter(
    (e) => e.response.status < 300 && LINK_CREATION.test(e.request.path),
  );
  const last = created.at(-1);
  const response = (last?.response.body ?? {}) as Record<string, unknown>;
  const token = (response.link_token ?? (response.data as Record<string, unknown> | undefined)?.link_token) as
    | string
    | undefined;
  if (!last || !token) {
    const attempts = (await journal({ method: 'POST' })).filter((e) => /link/.test(e.request.path));
    const seen = attempts.map(
      (e) =>
        `POST ${e.request.path} → ${e.response.status}: ${JSON.stringify(e.response.body)}${e.response.status === 400 ? ` (${describeSentKeys(e)})` : ''}`,
    );
    throw new ExpectationFailed(
      `the supplier to create a link session for customer ${user}`,
      seen.length ? `NOX refused it: ${seen.join('; ')}` : 'it made no such call to NOX',
      scenario.rule,
      scenario.docs,
    );
  }
  const session = (await options.mock.state(options.organisationId)).link_sessions.find(
    (s) => s.token === token,
  );
  return {
    token,
    request: (last.request.body ?? {}) as Record<string, unknown>,
    response,
    status: session?.status ?? 'unknown',
    error: session?.error ?? null,
    nox_user_id: session?.nox_user_id ?? null,
    device_ids: session?.device_ids ?? [],
  };
}
