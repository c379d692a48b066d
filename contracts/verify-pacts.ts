import { readFileSync } from 'node:fs';
import { Verifier } from '@pact-foundation/pact';
import { createControlClient } from '../openapi/control-client.ts';
import { PROVIDER } from './write-pact.ts';

/** Where the mock sets up provider states (Pact's state-change protocol), for any Pact verifier. */
export const stateChangeUrl = (baseUrl: string) => new URL('/__nox/provider-states', baseUrl).href;

export interface VerifyOptions {
  /** The mock's --admin-token: sent as "Authorization: Bearer <token>" with every request, as pact-cli's -H. */
  adminToken?: string;
}

/**
 * Verifies pacts with Pact's own Verifier against the mock at `baseUrl`. Pact's core posts every provider
 * state to the mock's state-change URL itself, as pact-cli's verifier does, so both give the same result.
 * Resolves when every interaction verified; rejects with Pact's mismatch report, or at once with
 * MockUnreachable when the mock does not answer.
 */
export async function verifyPacts(files: string[], baseUrl: string, options: VerifyOptions = {}) {
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  const headers =
    options.adminToken === undefined ? undefined : { Authorization: `Bearer ${options.adminToken}` };
  await checkMockAnswers(baseUrl, headers);
  const messages = messageDescriptions(files);
  try {
    await new Verifier({
      provider: PROVIDER,
      providerBaseUrl: baseUrl,
      pactUrls: files,
      providerStatesSetupUrl: stateChangeUrl(baseUrl),
      customProviderHeaders: headers,
      // Webhook messages are produced by the mock itself (POST /__nox/pact-messages), from the real change.
      messageProviders: messages.length > 0 ? messageProducers(messages, baseUrl, options) : undefined,
      // Not 'warn': pact-js warns that providerStatesSetupUrl is deprecated, yet it is what points Pact's
      // core at the mock's state-change URL as pact-cli's --state-change-url does (stateHandlers would not).
      logLevel: 'error',
    }).verifyProvider();
  } catch (error) {
    throw PactVerificationFailed.from(error);
  }
}

/** The descriptions of the pacts' asynchronous messages (the webhook events). */
function messageDescriptions(files: string[]): string[] {
  return files.flatMap((file) => {
    const pact = JSON.parse(readFileSync(file, 'utf8')) as {
      interactions?: { type?: string; description?: string }[];
    };
    return (pact.interactions ?? [])
      .filter((i) => i.type === 'Asynchronous/Messages' && typeof i.description === 'string')
      .map((i) => i.description as string);
  });
}

/**
 * pact-js's message providers, one per description: each asks the mock's message producer for the
 * message with the states Pact gives, and hands back its body and metadata (content type, X-Webhook-*).
 */
function messageProducers(descriptions: string[], baseUrl: string, options: VerifyOptions) {
  const control = createControlClient(baseUrl, { adminToken: options.adminToken });
  const produce = async (message: {
    description?: string;
    providerStates?: { name: string; params?: Record<string, unknown> }[];
  }) => {
    const { contents, metadata } = await control.pactMessage({
      description: message.description ?? '',
      providerStates: message.providerStates ?? [],
    });
    return { __pactMessageMetadata: metadata, message: contents };
  };
  return Object.fromEntries(descriptions.map((d) => [d, produce]));
}

/** The mock is not there, or its control API refuses this client: verification cannot start. */
export class MockUnreachable extends Error {
  readonly code = 'MOCK_UNREACHABLE';
}

/** Fails within seconds, in one line, unless the mock's control API answers at `baseUrl`. */
async function checkMockAnswers(baseUrl: string, headers?: Record<string, string>): Promise<void> {
  let res: Response;
  try {
    res = await fetch(new URL('/__nox/health', baseUrl), { headers, signal: AbortSignal.timeout(5000) });
  } catch (error) {
    const { cause } = error as { cause?: { code?: string; message?: string } };
    const reason = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new MockUnreachable(
      `The mock NOX at ${baseUrl} does not answer (${reason}). Start it with "nox-testkit serve", or leave out --base-url to verify against a mock started in-process.`,
    );
  }
  if (res.ok) return;
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  const hint =
    res.status === 403
      ? 'A mock started with --admin-token needs NOX_TESTKIT_ADMIN_TOKEN set to that token.'
      : 'Is the mock NOX (nox-testkit serve) running there?';
  throw new MockUnreachable(
    `GET ${baseUrl}/__nox/health answered ${res.status}${body.error ? `: ${body.error}` : '.'} ${hint}`,
  );
}

export interface InteractionFailure {
  interaction: string;
  mismatches: string[];
}

/** Pact's Verifier rejects with its JSON report as the message; this reads it into a list of failures. */
export class PactVerificationFailed extends Error {
  readonly code = 'PACT_VERIFICATION_FAILED';
  constructor(
    readonly failures: InteractionFailure[],
    detail?: string,
  ) {
    super(
      failures.length > 0
        ? `${failures.length} interaction(s) failed verification:\n${failures.map((f) => `  - ${f.interaction}\n${f.mismatches.map((m) => `      ${m}`).join('\n')}`).join('\n')}`
        : `Pact verification failed: ${detail}`,
    );
  }

  static from(error: unknown): PactVerificationFailed {
    const message = error instanceof Error ? error.message : String(error);
    try {
      const report = JSON.parse(message) as {
        errors?: {
          interaction: string;
          mismatch?: { message?: string; mismatches?: { mismatch: string }[] };
        }[];
      };
      // A request that could not be made (a provider state the mock refused) has a message, no mismatches.
      const failures = (report.errors ?? []).map((e) => ({
        interaction: e.interaction,
        mismatches: e.mismatch?.mismatches?.map((m) => m.mismatch) ?? [e.mismatch?.message ?? 'failed'],
      }));
      return new PactVerificationFailed(failures, message);
    } catch {
      return new PactVerificationFailed([], message);
    }
  }
}
