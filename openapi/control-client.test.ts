import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { controlOperationMethods, createControlClient } from './control-client.ts';

const spec = parse(readFileSync(join(import.meta.dirname, 'nox-control.yaml'), 'utf8'));
const operationIds: string[] = Object.values(spec.paths as Record<string, Record<string, unknown>>).flatMap(
  (item) =>
    Object.values(item)
      .map((operation) => (operation as { operationId?: string }).operationId)
      .filter((id): id is string => id !== undefined),
);

describe('the control client', () => {
  test('has a method for every operationId of nox-control.yaml', () => {
    const client = createControlClient('http://127.0.0.1:1') as unknown as Record<string, unknown>;
    const methods = controlOperationMethods as Record<string, string>;
    const missing = operationIds.filter((id) => typeof client[methods[id] ?? ''] !== 'function');
    expect(missing, 'operationIds without a client method in openapi/control-client.ts').toEqual([]);
    expect(Object.keys(methods).sort()).toEqual([...operationIds].sort());
  });
});
