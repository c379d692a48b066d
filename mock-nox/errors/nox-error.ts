import type { Issue } from '../../openapi/validator/issue.ts';

export type { Issue };

/** An error the mock answers with on purpose; the error middleware gives it the right NOX shape. */
export class NoxError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Set for request validation errors: the data API answers them as 422 `{detail}`. */
    readonly issues?: Issue[],
  ) {
    super(message);
  }
}
