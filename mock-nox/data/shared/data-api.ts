import type { operations } from '../../../openapi/generated/nox-data.ts';
import type { MockContext } from '../../domain/mock-context.ts';
import { authenticate } from '../../http/api-key.ts';
import type { ApiRequest, ApiResponse } from '../../http/api-router.ts';
import type { JsonBody, QueryOf } from '../../http/operation-types.ts';
import { createRequestValidator } from '../../http/request-validator.ts';
import type { Organisation, OrganisationKind } from '../../store/schema.ts';

export type DataQuery<K extends keyof operations> = QueryOf<operations[K]>;
export type DataBody<K extends keyof operations> = JsonBody<operations[K]>;

/** What every data API handler starts with: the caller's organisation (key checked first), then the request checked against openapi/nox-data.yaml. */
export interface DataRequest<Q> {
  org: Organisation;
  query: Q;
  now: number;
}

export function createDataRequestReader(ctx: MockContext) {
  const validate = createRequestValidator('nox-data');
  return <K extends keyof operations>(
    req: ApiRequest,
    res: ApiResponse,
    kinds: OrganisationKind[] = ['supplier'],
  ): DataRequest<DataQuery<K>> => {
    const org = authenticate(ctx, req, res, kinds);
    return { org, query: validate<DataQuery<K>>(req), now: ctx.clock.now(org.id) };
  };
}

/** The `meta` fields naming the tenant: `energy_supplier` for a supplier, `manufacturer` for a manufacturer. */
export function tenantMeta(org: Organisation): { energy_supplier: string } {
  return { energy_supplier: org.name };
}
