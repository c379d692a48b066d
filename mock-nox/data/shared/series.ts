import { stableFraction } from './stable-random.ts';

// Deterministic weather and household rhythms for a Belgian home, from virtual unix seconds (UTC).
// Modelled, not documented by NOX: plausible shapes, always the same for the same inputs.
const DAY = 86_400;
const TAU = 2 * Math.PI;

/** Hours since midnight UTC, fractional. */
export const hourOfDay = (t: number) => (((t % DAY) + DAY) % DAY) / 3600;

/** Days since 1 January of the UTC year, fractional. */
export function dayOfYear(t: number): number {
  return (t - Date.UTC(new Date(t * 1000).getUTCFullYear(), 0, 1) / 1000) / DAY;
}

/** A bump of height 1 centred at `centre` o'clock, `width` hours wide, wrapping around midnight. */
function bump(hour: number, centre: number, width: number): number {
  const d = ((((hour - centre) % 24) + 36) % 24) - 12;
  return Math.exp(-(d * d) / (2 * width * width));
}

/** The same bump scaled to hold 1 unit over the day (a density per hour). */
const density = (hour: number, centre: number, width: number) =>
  bump(hour, centre, width) / (width * Math.sqrt(TAU));

const weatherCache = new Map<string, number>();

/** One day's weather in [-1, 1]; cached, since every quarter-hour of every device asks for it. */
function weatherOf(kind: string, day: number): number {
  const key = `${kind}:${day}`;
  let value = weatherCache.get(key);
  if (value === undefined) {
    if (weatherCache.size > 10_000) weatherCache.clear();
    value = stableFraction('weather', kind, day) * 2 - 1;
    weatherCache.set(key, value);
  }
  return value;
}

/** The day's weather in [-1, 1], interpolated from one day to the next so it never jumps at midnight. */
function dailyWeather(kind: string, t: number): number {
  const day = Math.floor(t / DAY);
  const today = weatherOf(kind, day);
  return today + (weatherOf(kind, day + 1) - today) * (t / DAY - day);
}

/** 0 on 21 December, 1 on 21 June. */
const summerness = (t: number) => (1 - Math.cos((TAU * (dayOfYear(t) + 10)) / 365.25)) / 2;

/** °C outside: seasonal mean from 3 °C (late January) to 18 °C (late July), coldest at 04:00 UTC, ±3 °C weather. */
export function outsideTemperature(t: number): number {
  const season = 10.5 - 7.5 * Math.cos((TAU * (dayOfYear(t) - 20)) / 365.25);
  const daily = -3.5 * Math.cos((TAU * (hourOfDay(t) - 4)) / 24);
  return season + daily + 3 * dailyWeather('temperature', t);
}

/**
 * The share of a PV system's capacity a clear sky gives: 0 at night, a bell around solar noon (11:45 UTC),
 * days from 8 h (December) to 16.5 h (June), peaks from 30 % in winter to 85 % in summer.
 */
export function clearSkyShare(t: number): number {
  const summer = summerness(t);
  const halfDay = (8 + 8.5 * summer) / 2;
  const x = (hourOfDay(t) - 11.75) / halfDay;
  if (Math.abs(x) >= 1) return 0;
  return Math.cos((x * Math.PI) / 2) ** 2 * (0.3 + 0.55 * summer);
}

/** The share of clear-sky sunshine the clouds let through, 0.25 to 1, changing from day to day. */
export const clearness = (t: number) => 0.625 + 0.375 * dailyWeather('clouds', t);

/** kW a household draws besides its heat pump: a night floor, a morning and a larger evening peak. */
export function baseLoadKw(household: string, t: number): number {
  const h = hourOfDay(t);
  const size = 0.7 + 0.6 * stableFraction('household', household);
  const shape = 0.2 + 0.35 * bump(h, 6.5, 1.2) + 0.15 * bump(h, 12, 2) + 0.7 * bump(h, 18, 2);
  return size * shape * (0.85 + 0.3 * stableFraction('base-load', household, t));
}

/** kW of heat drawn from a hot-water tank by taps: about 5 kWh a day per 200 litres, mostly morning showers and evening. */
export function hotWaterDrawKw(litres: number, device: string, t: number): number {
  const h = hourOfDay(t);
  const shape = 0.55 * density(h, 6.5, 0.8) + 0.35 * density(h, 19, 1.5) + 0.1 / 24;
  return (litres / 200) * 5 * shape * (0.8 + 0.4 * stableFraction('hot-water', device, t));
}

/** A daily cycle in [-1, 1]: -1 at `lowest` o'clock, +1 twelve hours later. */
export const dailyCycle = (t: number, lowest: number) => -Math.cos((TAU * (hourOfDay(t) - lowest)) / 24);
