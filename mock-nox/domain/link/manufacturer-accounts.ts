import { stableUuid } from '../ids.ts';

/** The one-time code the fake manufacturer logins accept. */
export const ONE_TIME_CODE = '123456';

/** What a fake manufacturer account does at login, read from `+tags` in its username. */
export interface AccountBehaviour {
  /** The account's identity at this brand: the same account always yields the same device ids. */
  account: string;
  deviceCount: number;
  wrongPasswordFirst: boolean;
  oneTimeCode: boolean;
  locked: boolean;
}

/** The username table, shown on every fake login page and in the README. */
export const usernamePatterns = [
  { example: 'alice', outcome: 'Logs in; the account has one device.' },
  { example: 'alice+devices3', outcome: 'Logs in; the account has 3 devices (2 to 10).' },
  {
    example: 'alice+nodevices',
    outcome: 'Logs in, but the account has no devices: the link fails with no_devices.',
  },
  { example: 'alice+wrongpassword', outcome: 'The first password is rejected; the second attempt logs in.' },
  {
    example: 'alice+otp',
    outcome: `Asks for a one-time code after the password; the code is ${ONE_TIME_CODE}.`,
  },
  { example: 'alice+locked', outcome: 'The account is locked: the user can only cancel (access_denied).' },
] as const;

/**
 * Reads the behaviour from a username like `alice+devices3+otp@example.com`: tags after `+` (before any
 * `@`) combine; any other username simply logs in with one device.
 */
export function accountBehaviour(username: string): AccountBehaviour {
  const account = username.trim().toLowerCase();
  const tags = account.split('@')[0]?.split('+').slice(1) ?? [];
  const devicesTag = tags.map((t) => /^devices(\d+)$/.exec(t)).find((m) => m !== null);
  const requested = devicesTag ? Number(devicesTag[1]) : 1;
  return {
    account,
    deviceCount: tags.includes('nodevices') ? 0 : Math.min(Math.max(requested, 1), 10),
    wrongPasswordFirst: tags.includes('wrongpassword'),
    oneTimeCode: tags.includes('otp'),
    locked: tags.includes('locked'),
  };
}

/** The devices of a manufacturer account: stable for the same brand and account. */
export function deviceIdsOf(brand: string, behaviour: AccountBehaviour): string[] {
  return Array.from({ length: behaviour.deviceCount }, (_, i) =>
    stableUuid(`${brand}:${behaviour.account}:${i}`),
  );
}
