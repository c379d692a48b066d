import type { operations } from '../../openapi/generated/nox-control.ts';
import { recordExpiries } from '../domain/link/session-retention.ts';
import type { MockContext } from '../domain/mock-context.ts';
import type { JsonBody } from '../http/operation-types.ts';

/**
 * POST /__nox/clock/advance and /clock/set: moves the virtual clock (of one organisation, or the default),
 * marking the link sessions that expire on the way: those past their time before the move, then after it.
 */
export function moveClock(
  ctx: MockContext,
  move: { advance: JsonBody<operations['advanceClock']> } | { set: JsonBody<operations['setClock']> },
) {
  recordExpiries(ctx);
  const reading =
    'advance' in move
      ? ctx.clock.advance(move.advance.seconds, move.advance.organisation_id)
      : ctx.clock.set(
          move.set.now ?? Math.floor(Date.parse(move.set.iso ?? '') / 1000),
          move.set.organisation_id,
        );
  recordExpiries(ctx);
  return reading;
}
