// Link-session creation under load: every server gets the same autocannon run (20 connections), round
// after round in turn (A, B, C, A, B, C…), so the noise of a shared machine falls on all of them alike.
import autocannon from 'autocannon';
import { LINK_SESSION_BODY, LINK_SESSION_PATH, SUPPLIER_KEY } from './servers.ts';
import { medianRates, total } from './stats.ts';

/** One autocannon run: requests per second (only 2xx counted), latency percentiles, what went wrong. */
export interface LoadRound {
  per_second: number;
  p50_ms: number;
  p99_ms: number;
  non_2xx: number;
  errors: number;
}

/** The medians over the rounds, and every round. */
export interface LoadFigure {
  per_second: number;
  p50_ms: number;
  p99_ms: number;
  non_2xx: number;
  errors: number;
  rounds: LoadRound[];
}

export async function loadRound(url: string, seconds: number, connections = 20): Promise<LoadRound> {
  const result = await autocannon({
    url: `${url}${LINK_SESSION_PATH}`,
    connections,
    duration: seconds,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': SUPPLIER_KEY },
    body: LINK_SESSION_BODY,
  });
  return {
    per_second: result['2xx'] / result.duration,
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    non_2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** Runs `rounds` interleaved rounds over the named URLs. */
export async function interleavedLoad(
  urls: Record<string, string>,
  rounds: number,
  seconds: number,
  onRound: (name: string, round: LoadRound) => void = () => {},
): Promise<Record<string, LoadFigure>> {
  const results: Record<string, LoadRound[]> = Object.fromEntries(Object.keys(urls).map((n) => [n, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, url] of Object.entries(urls)) {
      const round = await loadRound(url, seconds);
      results[name]?.push(round);
      onRound(name, round);
    }
  }
  return Object.fromEntries(
    Object.entries(results).map(([name, all]) => [
      name,
      {
        ...medianRates(all),
        non_2xx: total(all, (x) => x.non_2xx),
        errors: total(all, (x) => x.errors),
        rounds: all,
      },
    ]),
  );
}
