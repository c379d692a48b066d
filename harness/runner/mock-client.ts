import type { ControlClient } from '../../openapi/control-client.ts';
import { createControlClient } from '../../openapi/control-client.ts';
import { HarnessError } from '../errors.ts';

/** The harness reaches the mock only over HTTP, through its control API (docs/architecture.md), so the same harness works against a mock in another process. */
export type MockClient = ControlClient;

/** The control API client, with an unreachable mock reported as the harness's MOCK_UNREACHABLE. */
export function createMockClient(baseUrl: string): MockClient {
  return createControlClient(baseUrl, {
    unreachable: (message) => new HarnessError('MOCK_UNREACHABLE', message),
  });
}
