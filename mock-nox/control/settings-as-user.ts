import type { operations } from '../../openapi/generated/nox-control.ts';
import type { MockContext } from '../domain/mock-context.ts';
import { changeSettings } from '../domain/settings/change-settings.ts';
import { settingsView } from '../domain/settings/settings-view.ts';
import { NoxError } from '../errors/nox-error.ts';
import type { JsonBody } from '../http/operation-types.ts';

/** PATCH /__nox/users/{nox_user_id}/settings: the user changes its settings on NOX's web app. */
export function changeSettingsAsUser(
  ctx: MockContext,
  noxUserId: string,
  body: JsonBody<operations['patchSettingsAsUser']>,
) {
  const { device_id, ...changes } = body;
  const result = asControlError(() =>
    changeSettings(ctx, { by: 'user', noxUserId, deviceId: device_id ?? null, changes }),
  );
  return { settings: result.inForce.map(settingsView), webhook_deliveries: result.deliveries };
}

/** A settings rule the data API answers with 422 is the control API's 400 (its spec's "breaks a rule"). */
function asControlError<T>(change: () => T): T {
  try {
    return change();
  } catch (error) {
    if (error instanceof NoxError && error.status === 422)
      throw new NoxError(400, error.message, error.issues);
    throw error;
  }
}
