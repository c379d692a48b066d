/** One problem found in a request, in the data API's (FastAPI) `detail` item shape. */
export interface Issue {
  loc: (string | number)[];
  msg: string;
  type: string;
}

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
