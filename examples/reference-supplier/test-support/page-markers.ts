/** Reads the documented automation markers out of a page's HTML (what the harness's adapter relies on). */
export const markers = {
  errorCode: (html: string) => /data-testid="nox-failed" data-error-code="([^"]*)"/.exec(html)?.[1] ?? null,
  isConnected: (html: string) => html.includes('data-testid="nox-connected"'),
  noxUserId: (html: string) =>
    /data-testid="nox-connected" data-nox-user-id="([^"]*)"/.exec(html)?.[1] ?? null,
  deviceIds: (html: string) =>
    [...html.matchAll(/data-testid="nox-device" data-device-id="([^"]*)"/g)].map((m) => m[1] ?? ''),
};

/** base64url JSON without padding, as NOX encodes the callback's data. */
export const encodeCallbackData = (payload: object) =>
  Buffer.from(JSON.stringify(payload)).toString('base64url');
