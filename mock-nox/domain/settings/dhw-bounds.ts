import { errors } from '../../errors/error-templates.ts';
import type { DhwSettings } from '../../store/schema.ts';

/** A heat pump a DHW change reaches, with its own device-level DHW bounds (empty when it has none). */
export interface ReachedPump {
  device_id: string;
  own: DhwSettings;
}

/**
 * Refuses a DHW change that would leave a lower bound above an upper one, with a 422 naming where: at the
 * user level (over the defaults, as a heat pump linked later gets it) for a user-level change, and on every
 * heat pump the change reaches, each with its own device-level bounds. A user-level change reaches all the
 * user's heat pumps, a device-level one only its device.
 */
export function checkDhwBounds(
  userLevel: Required<DhwSettings>,
  reached: ReachedPump[],
  deviceLevel: boolean,
  change: DhwSettings,
): void {
  const outcomes = reached.map(({ device_id, own }) => ({
    bounds: deviceLevel ? { ...userLevel, ...own, ...change } : { ...userLevel, ...change, ...own },
    where: ` for device ${device_id}${!deviceLevel && Object.keys(own).length > 0 ? ', which has device-level DHW bounds' : ''}`,
  }));
  if (!deviceLevel) outcomes.unshift({ bounds: { ...userLevel, ...change }, where: '' });
  const broken = outcomes.find((o) => o.bounds.temperature_lower_bound > o.bounds.temperature_upper_bound);
  if (broken) {
    const { temperature_lower_bound: low, temperature_upper_bound: high } = broken.bounds;
    throw errors.invalid(
      ['body', 'dhw'],
      `dhw.temperature_lower_bound (${low}) must not be above dhw.temperature_upper_bound (${high})${broken.where}`,
    );
  }
}
