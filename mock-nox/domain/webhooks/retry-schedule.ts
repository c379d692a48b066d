import type { WebhookDelivery } from '../../store/schema.ts';

export type WebhookAttempt = WebhookDelivery['attempts'][number];

/** Seconds from a failed attempt to the next (Standard Webhooks' schedule; modelled): 10 attempts in all. */
export const RETRY_DELAYS_SECONDS = [5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 86400] as const;

/** What one attempt got: an HTTP status, or no answer and why. */
export interface AttemptResult {
  status: number | null;
  error: string | null;
}

/**
 * Records an attempt made at `at` (virtual seconds) on the delivery: a 2xx acknowledges, a 4xx is final
 * (NOX), anything else (5xx, 3xx, timeout, connection error) is retried after the next delay, until none
 * is left.
 */
export function recordAttempt(
  delivery: WebhookDelivery,
  at: number,
  headers: WebhookAttempt['headers'],
  result: AttemptResult,
  durationMs: number,
  redelivery = false,
): WebhookAttempt {
  const number = delivery.attempts.length + 1;
  const { status } = result;
  const delay = RETRY_DELAYS_SECONDS[number - 1];
  const outcome: WebhookAttempt['outcome'] =
    status !== null && status >= 200 && status < 300
      ? 'acknowledged'
      : status !== null && status >= 400 && status < 500
        ? 'rejected'
        : delay === undefined
          ? 'gave_up'
          : 'retry_scheduled';
  const attempt: WebhookAttempt = {
    number,
    at,
    headers,
    response_status: status,
    error: result.error,
    duration_ms: durationMs,
    ...(redelivery ? { redelivery: true as const } : {}),
    outcome,
  };
  delivery.attempts.push(attempt);
  delivery.status =
    outcome === 'acknowledged' ? 'delivered' : outcome === 'retry_scheduled' ? 'pending' : 'failed';
  delivery.next_attempt_at = outcome === 'retry_scheduled' && delay !== undefined ? at + delay : null;
  return attempt;
}
