/** The JSON request body of an operation of an openapi-typescript `operations` map. */
export type JsonBody<Op> = Op extends { requestBody?: { content: { 'application/json': infer B } } }
  ? B
  : never;

/** The query of an operation, as the validator hands it over (types coerced, defaults filled in). */
export type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** The path parameters of an operation, by name. */
export type PathParams<Op> = Op extends { parameters: { path?: infer P } } ? NonNullable<P> : never;
