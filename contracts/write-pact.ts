import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { loadOpenApi } from '../openapi/validator/openapi-validator.ts';
import { declareMessage } from './declare-message.ts';
import { inferMatchers, type SchemaHint } from './infer-matchers.ts';
import type { RecordedInteraction } from './recorded-interaction.ts';
import type { RecordedMessage } from './recorded-message.ts';
import { replayRequest } from './replay-request.ts';

const { fromProviderState } = MatchersV3;
export const PROVIDER = 'nox-energy';

/** What a state injects, and the example a consumer-side replay uses. */
const examples = {
  api_key: 'api_key_123',
  nox_user_id: '550e8400-e29b-41d4-a716-446655440000',
  device_id: '01a5c222-5b76-4531-b587-5deeb81a3db3',
  state: 'Yk3nq0Jm1tq1m4xk6L8tU2a9cV4pW7sZ0bH5dR3fE1g',
};
const injectedField = (field: string) => (field === 'device_id' || field === 'state' ? field : 'nox_user_id');
/** A provider-state expression: `${name}`, filled in from the state change's answer at verification. */
const expression = (name: string) => `\${${name}}`;

/**
 * Writes the interactions and webhook messages into <dir>/<consumer>-nox-energy.json through Pact's own
 * library: each interaction is declared with its matchers, then the recorded request is replayed
 * against Pact's mock server, so the file is only written when Pact itself accepted every interaction;
 * each message is declared and reified by Pact (declare-message.ts).
 */
export async function writePact(
  consumer: string,
  interactions: RecordedInteraction[],
  dir: string,
  messages: RecordedMessage[] = [],
): Promise<string> {
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  const pact = new PactV4({ consumer, provider: PROVIDER, dir, logLevel: 'error' });
  for (const interaction of interactions) await withRecordRetries(() => declare(pact, interaction));
  for (const message of messages) await declareMessage(pact, message);
  return `${dir}/${consumer}-${PROVIDER}.json`;
}

/**
 * Pact's mock server records a request as received only after it has answered it, on its own thread: a
 * replay that got its answer can still be reported "expected but not received" when Pact checks at once
 * (seen about 1 write in 8 on a loaded 2-core machine, on a different request each time). Declaring and
 * replaying that interaction again is safe: the same description and states overwrite the failed one.
 */
export async function withRecordRetries(attempt: () => Promise<void>, tries = 3): Promise<void> {
  for (let left = tries - 1; ; left--) {
    try {
      return await attempt();
    } catch (error) {
      if (left === 0 || !String((error as Error).message).includes('expected but not received')) throw error;
    }
  }
}

/** Declares one interaction with its matchers and replays the recorded request against Pact's mock server. */
async function declare(pact: PactV4, interaction: RecordedInteraction): Promise<void> {
  let builder = pact.addInteraction();
  for (const state of interaction.states) builder = builder.given(state.name, state.params);
  builder = builder.uponReceiving(interaction.description);
  for (const scenario of interaction.scenarios) builder = builder.comment(`seen in scenario: ${scenario}`);
  const { request, response, injected } = interaction;
  const path = injected.pathUser
    ? fromProviderState(request.path.replace(/[^/]+$/, expression('nox_user_id')), exampleOf(request.path))
    : request.path;
  await builder
    .withRequest(request.method, path, (b) => {
      const headers: Record<string, unknown> = { ...request.headers };
      if (injected.header && headers['x-api-key'] !== undefined)
        headers['x-api-key'] = fromProviderState(expression('api_key'), examples.api_key);
      if (injected.header && headers.authorization !== undefined)
        headers.authorization = fromProviderState(
          `ApiKey ${expression('api_key')}`,
          `ApiKey ${examples.api_key}`,
        );
      b.headers(headers as Record<string, string>);
      if (Object.keys(request.query).length)
        b.query(withInjected(request.query, injected.query) as Record<string, string>);
      if (request.body !== undefined) b.jsonBody(requestBody(request.body, injected.body));
    })
    .willRespondWith(response.status, (b) => {
      if (response.body !== undefined)
        b.jsonBody(
          inferMatchers(response.body, responseSchemaOf(request.method, request.path, response.status)),
        );
    })
    .executeTest(async (mock) => replay(mock.url, interaction));
}

/** The documented schema of the answer, from the OpenAPI file of the API the path belongs to. */
function responseSchemaOf(method: string, path: string, status: number): SchemaHint | undefined {
  return loadOpenApi(path.startsWith('/v1/') ? 'nox-data' : 'nox-auth').responseSchema(method, path, status);
}

function exampleOf(path: string): string {
  return path.replace(/[^/]+$/, examples.nox_user_id);
}

function withInjected(values: Record<string, string>, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      fields.includes(k) ? fromProviderState(expression(injectedField(k)), examples[injectedField(k)]) : v,
    ]),
  );
}

/** Request bodies keep their values (they are what the supplier sends), except run-time ids and per-run customer ids. */
function requestBody(body: unknown, injectedFields: string[]): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(
    Object.entries(body).map(([k, v]) => {
      if (injectedFields.includes(k))
        return [k, fromProviderState(expression(injectedField(k)), examples[injectedField(k)])];
      if ((k === 'user_id' || k === 'redirect_url') && typeof v === 'string')
        return [k, MatchersV3.string(v)];
      return [k, v];
    }),
  );
}

/** Sends the example request to Pact's mock server; it fails the interaction when it does not match. */
async function replay(base: string, interaction: RecordedInteraction): Promise<void> {
  const { request, injected } = interaction;
  const url = new URL(injected.pathUser ? exampleOf(request.path) : request.path, base);
  for (const [k, v] of Object.entries(request.query)) {
    url.searchParams.set(k, injected.query.includes(k) ? examples[injectedField(k)] : v);
  }
  const headers: Record<string, string> = {
    ...request.headers,
    ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
  };
  if (injected.header && headers['x-api-key'] !== undefined) headers['x-api-key'] = examples.api_key;
  if (injected.header && headers.authorization !== undefined)
    headers.authorization = `ApiKey ${examples.api_key}`;
  let body = request.body;
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    body = Object.fromEntries(
      Object.entries(body).map(([k, v]) => [k, injected.body.includes(k) ? examples[injectedField(k)] : v]),
    );
  }
  const res = await replayRequest(
    url,
    request.method,
    headers,
    body === undefined ? undefined : JSON.stringify(body),
  );
  if (res.status !== interaction.response.status) {
    throw new Error(`Pact's mock server answered ${res.status} to "${interaction.description}": ${res.text}`);
  }
}
