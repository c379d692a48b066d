import { createHmac } from 'node:crypto';
import type { Policies } from '../../store/schema.ts';

export type SignatureScheme = Policies['webhook_signature_scheme'];

/** The string X-Webhook-Signature signs (modelled: NOX does not publish it; `timestamp.body` by default). */
export function signedContent(scheme: SignatureScheme, webhookId: string, timestamp: string, body: string) {
  if (scheme === 'body') return body;
  if (scheme === 'id.timestamp.body') return `${webhookId}.${timestamp}.${body}`;
  return `${timestamp}.${body}`;
}

/** `sha256=` + lowercase hex HMAC-SHA256 of the signed string, keyed with the receiver's API key. */
export function webhookSignature(
  apiKey: string,
  scheme: SignatureScheme,
  webhookId: string,
  timestamp: string,
  body: string,
): string {
  const content = signedContent(scheme, webhookId, timestamp, body);
  return `sha256=${createHmac('sha256', apiKey).update(content).digest('hex')}`;
}
