// The small supplier's webhook receiver: verify the signature on the raw bytes, act once per X-Webhook-Id.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifyNoxWebhook } from '../verify-nox-webhook.ts';

const processed = new Set<string>();

/** The settings events acted on, per customer (external_user_id), in order: what "acting" is here. */
const settingsSeen = new Map<string, unknown[]>();

const answer = (res: ServerResponse, status: number, body: object) =>
  void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

/** POST /webhooks with NOX's data change events, keyed with `apiKey`. */
export async function receiveWebhook(req: IncomingMessage, res: ServerResponse, apiKey: string) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (!verifyNoxWebhook(raw, req.headers, apiKey))
    return answer(res, 401, { error: 'bad or stale signature' });
  const id = String(req.headers['x-webhook-id'] ?? '');
  if (!id) return answer(res, 400, { error: 'X-Webhook-Id is missing' });
  if (processed.has(id)) return answer(res, 200, { status: 'already processed' });
  let event: { metadata?: { external_user_id?: unknown }; data?: unknown };
  try {
    event = JSON.parse(raw);
  } catch {
    return answer(res, 400, { error: 'the body is not JSON' });
  }
  const customer = event.metadata?.external_user_id;
  if (typeof customer === 'string')
    settingsSeen.set(customer, [...(settingsSeen.get(customer) ?? []), event.data]);
  processed.add(id);
  answer(res, 200, { status: 'processed' });
}
