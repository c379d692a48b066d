import type { AssetType } from '../store/schema.ts';

/** A manufacturer the user can log in at. The hp/pv split is modelled: NOX does not publish it. */
export interface Brand {
  slug: string;
  name: string;
  assetType: AssetType;
  /** The spaced name the deprecated v1 endpoint uses, where the brand is in v1's list. */
  v1Name?: string;
}

const hp = (slug: string, name: string, v1Name?: string): Brand => ({ slug, name, assetType: 'hp', v1Name });
const pv = (slug: string, name: string): Brand => ({ slug, name, assetType: 'pv' });

/** The v2 reference's hyphenated slugs; the list is cut off at "victro…", so victron and viessmann are assumed. */
export const brands: readonly Brand[] = [
  hp('alpha-innotec', 'Alpha Innotec', 'alpha innotec'),
  hp('atlantic', 'Atlantic'),
  hp('bosch', 'Bosch'),
  hp('buderus', 'Buderus'),
  hp('bulex', 'Bulex', 'bulex'),
  hp('ctc', 'CTC'),
  hp('daikin', 'Daikin', 'daikin'),
  hp('dewarmte', 'DeWarmte', 'dewarmte'),
  hp('fujitsu', 'Fujitsu'),
  hp('hitachi', 'Hitachi'),
  hp('ivt', 'IVT'),
  hp('jaspi', 'Jaspi'),
  hp('lg', 'LG', 'lg'),
  hp('midea', 'Midea'),
  hp('mitsubishi', 'Mitsubishi', 'mitsubishi'),
  hp('nibe', 'NIBE', 'nibe'),
  hp('panasonic', 'Panasonic'),
  hp('samsung', 'Samsung', 'samsung'),
  hp('saunier-duval', 'Saunier Duval', 'saunier duval'),
  hp('thermia', 'Thermia', 'thermia'),
  hp('thermor', 'Thermor'),
  hp('toshiba', 'Toshiba', 'toshiba'),
  hp('vaillant', 'Vaillant', 'vaillant'),
  hp('viessmann', 'Viessmann', 'viessmann'),
  pv('alpha-ess', 'AlphaESS'),
  pv('apsystems', 'APsystems'),
  pv('deye', 'Deye'),
  pv('enphase', 'Enphase'),
  pv('felicity-solar', 'Felicity Solar'),
  pv('fox-ess', 'FoxESS'),
  pv('fronius', 'Fronius'),
  pv('goodwe', 'GoodWe'),
  pv('growatt', 'Growatt'),
  pv('hoymiles', 'Hoymiles'),
  pv('huawei', 'Huawei'),
  pv('hyxipower', 'HYXiPOWER'),
  pv('ilumen', 'iLumen'),
  pv('ja-solar', 'JA Solar'),
  pv('jinkosolar', 'JinkoSolar'),
  pv('kostal', 'Kostal'),
  pv('longi', 'LONGi'),
  pv('saj', 'SAJ'),
  pv('sanyo', 'Sanyo'),
  pv('sigenergy', 'Sigenergy'),
  pv('sma', 'SMA'),
  pv('sofar', 'Sofar'),
  pv('solaredge', 'SolarEdge'),
  pv('solarman', 'Solarman'),
  pv('solax', 'SolaX'),
  pv('solis', 'Solis'),
  pv('solarwatt', 'Solarwatt'),
  pv('sungrow', 'Sungrow'),
  pv('sunpower', 'SunPower'),
  pv('talesun', 'Talesun'),
  pv('trinasolar', 'Trina Solar'),
  pv('victron', 'Victron Energy'),
];

export function findBrand(slug: string): Brand | undefined {
  return brands.find((b) => b.slug === slug);
}

export function brandsFor(assetType: AssetType): Brand[] {
  return brands.filter((b) => b.assetType === assetType);
}

/** The 13 spaced names the deprecated v1 endpoint accepts. */
export const v1Brands: readonly Brand[] = brands.filter((b) => b.v1Name !== undefined);

export function findV1Brand(name: string): Brand | undefined {
  return v1Brands.find((b) => b.v1Name === name);
}
