/**
 * The web app's whole session state, carried in the URL and in hidden form fields as base64url JSON
 * (`token`), so the mock keeps no web-app sessions. It is not signed on purpose: the fake login takes
 * any password, so knowing a username is all a sign-in proves, and a forged pass could do nothing that
 * typing that username cannot.
 */
export interface WebAppPass {
  /** The brand slug of the fake manufacturer account. */
  brand: string;
  /** The account (the login username, lower-cased), which is also the manufacturer user id. */
  account: string;
  /** Set while signing in: wrong passwords so far and whether the one-time code is awaited. */
  signIn?: { failed: number; awaitingCode: boolean };
}

export function encodePass(pass: WebAppPass): string {
  return Buffer.from(JSON.stringify(pass)).toString('base64url');
}

/** The pass a token carries, or null for anything that is not one (a stale or hand-made URL). */
export function decodePass(token: unknown): WebAppPass | null {
  if (typeof token !== 'string' || token === '') return null;
  try {
    const pass = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof pass?.brand !== 'string' || typeof pass.account !== 'string' || pass.account === '')
      return null;
    const signIn = pass.signIn;
    if (
      signIn !== undefined &&
      (typeof signIn?.failed !== 'number' || typeof signIn.awaitingCode !== 'boolean')
    )
      return null;
    return { brand: pass.brand, account: pass.account, ...(signIn ? { signIn } : {}) };
  } catch {
    return null;
  }
}

/** A web-app page's URL for this pass and language. */
export function webAppPath(
  page: 'home' | 'suppliers' | 'settings',
  pass: WebAppPass,
  language: string,
): string {
  const { brand, account } = pass;
  return `/ui/app/${page}?${new URLSearchParams({ token: encodePass({ brand, account }), language })}`;
}
