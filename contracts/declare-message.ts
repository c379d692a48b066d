import { isDeepStrictEqual } from 'node:util';
import { MatchersV3, type PactV4 } from '@pact-foundation/pact';
import { inferMatchers } from './infer-matchers.ts';
import type { RecordedMessage } from './recorded-message.ts';

const { regex, string } = MatchersV3;

/** The X-Webhook-* values vary with every delivery: their shape is the contract. */
const headerMatchers: Record<string, (recorded: string) => unknown> = {
  'X-Webhook-Id': (v) => string(v),
  'X-Webhook-Timestamp': (v) => regex('^\\d+$', v),
  'X-Webhook-Signature': (v) => regex('^sha256=[0-9a-f]{64}$', v),
};

/**
 * Declares a webhook delivery as a V4 asynchronous message (NOX provides it, the supplier's receiver
 * consumes it): the event's type as recorded, every other value by type or pattern, the content type
 * and the X-Webhook-* headers as metadata. Pact reifies the message from its matchers; the message is
 * only written when that gives back the recorded event, so the matchers hold what NOX sent.
 */
export async function declareMessage(pact: PactV4, message: RecordedMessage): Promise<void> {
  let builder = pact.addAsynchronousInteraction();
  for (const state of message.states) builder = builder.given(state.name, state.params);
  for (const scenario of message.scenarios) builder = builder.comment(`seen in scenario: ${scenario}`);
  const contents = { ...(inferMatchers(message.event) as object), type: message.event.type };
  const metadata = Object.fromEntries(
    Object.entries(message.headers).map(([name, value]) => [name, headerMatchers[name]?.(value) ?? value]),
  );
  await builder
    .expectsToReceive(message.description, (b) => {
      b.withJSONContent(contents);
      b.withMetadata({ contentType: 'application/json', ...metadata } as Record<string, string>);
    })
    .executeTest(async (reified) => {
      if (!isDeepStrictEqual(reified.contents.content, message.event))
        throw new Error(
          `Pact's message "${message.description}" is not the recorded event: ${JSON.stringify(reified.contents.content)}`,
        );
    });
}
