import type { MockContext } from '../domain/mock-context.ts';
import { findOrganisationByKey } from '../domain/organisations.ts';
import { NoxError } from '../errors/nox-error.ts';
import type { Organisation } from '../store/schema.ts';

/** What a fault-taking request needs: its method, path and headers, and the journal's locals. */
interface FaultRequest {
  method: string;
  path: string;
  get(name: string): string | undefined;
}

/**
 * The fault set with PUT /__nox/faults for this call (made with the organisation's key), used up by one:
 * after its `latency_ms`, the error to answer with (`status`, in the area's shape), or undefined when the
 * call goes on (no fault, or one with latency only).
 */
export async function takeRouteFault(
  ctx: MockContext,
  req: FaultRequest,
  res: { locals: { organisationId?: string; fault?: boolean } },
): Promise<NoxError | undefined> {
  const key = req.get('x-api-key') ?? /^ApiKey\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
  // Peeked: a call without a fault (nearly all) leaves its organisation out of the next commit.
  const peeked = key === undefined ? undefined : ctx.store.peek.organisationByKey(key);
  const fault = peeked?.route_faults.find((f) => f.method === req.method && f.path === req.path);
  if (!fault) return undefined;
  // The same record, now counted as changed: using the fault up changes it.
  const org = findOrganisationByKey(ctx, key as string) as Organisation;
  if (fault.times !== undefined) {
    fault.times -= 1;
    if (fault.times <= 0) org.route_faults = org.route_faults.filter((f) => f !== fault);
    await ctx.store.commit();
  }
  if (fault.latency_ms) await new Promise((resolve) => setTimeout(resolve, fault.latency_ms));
  if (fault.status === undefined) return undefined;
  // Journalled under the organisation like the call it stands in for, so its journal shows the fault.
  res.locals.organisationId = org.id;
  res.locals.fault = true;
  return new NoxError(
    fault.status,
    `Simulated NOX failure (a nox-testkit fault on ${req.method} ${req.path}): ${fault.status}.`,
  );
}
