import { type Issue, NoxError } from './nox-error.ts';

const list = (values: readonly string[]) => values.join(', ');

/** Every error the mock answers with on purpose: what was wrong and what is expected. */
export const errors = {
  bodyNotJson: (reason: string) =>
    new NoxError(
      400,
      `The request body is not valid JSON (${reason}). Send a JSON object with Content-Type: application/json.`,
    ),
  bodyTooDeep: (limit: number) =>
    errors.validation([
      {
        loc: ['body'],
        msg: `The request body nests deeper than ${limit} levels; no NOX request body does. Send the documented shape.`,
        type: 'value_error',
      },
    ]),
  validation: (issues: Issue[]) => new NoxError(400, issues.map((i) => i.msg).join('; '), issues),
  apiKeyMissing: () =>
    new NoxError(401, 'Missing API key: send the API key NOX assigned to you in the x-api-key header.'),
  apiKeyMissingV1: () =>
    new NoxError(
      401,
      'Missing API key: send it in the x-api-key header or as "Authorization: ApiKey <your key>".',
    ),
  apiKeyInvalid: () => new NoxError(401, 'Invalid API key: no organisation has this key.'),
  wrongOrganisationKind: (needed: string, name: string, kind: string) =>
    new NoxError(
      401,
      `This endpoint needs a ${needed} API key; the key given belongs to ${name}, a ${kind}.`,
    ),
  redirectNotAllowed: (field: string, url: string, name: string, allowed: readonly string[]) =>
    new NoxError(
      400,
      `${field} ${url} is not one of the allowed redirect URLs of ${name}. Allowed: ${list(allowed)}.`,
    ),
  brandUnknown: (brand: string, allowed: readonly string[]) =>
    new NoxError(400, `brand "${brand}" is not a supported brand. Supported brands: ${list(allowed)}.`),
  brandWrongAssetType: (brand: string, assetType: string, allowed: readonly string[]) =>
    new NoxError(
      400,
      `brand "${brand}" must be valid for asset_type "${assetType}". Brands for ${assetType}: ${list(allowed)}.`,
    ),
  notFound: (method: string, path: string) =>
    new NoxError(
      404,
      `No NOX endpoint ${method} ${path}. See the OpenAPI files under openapi/ for the paths served.`,
    ),
  /** `spec` is the OpenAPI file that gives the path its methods, if there is one (the pages have none). */
  methodNotAllowed: (method: string, path: string, allowed: readonly string[], spec?: string) =>
    new NoxError(
      405,
      `${path} does not take ${method}; it takes ${list(allowed)} (see the Allow header${spec ? ` and openapi/${spec}` : ''}).`,
    ),
  /** FastAPI's own text: the data API answers a wrong method with {"detail": "Method Not Allowed"}. */
  methodNotAllowedFastApi: () => new NoxError(405, 'Method Not Allowed'),
  linkSessionNotFound: (token: string) => new NoxError(404, `No link session has the token "${token}".`),
  brandRequired: () =>
    new NoxError(
      400,
      'brand is required: the link session has no pre-selected brand, so say which brand the user picks.',
    ),
  linkTokenMissing: () =>
    new NoxError(
      400,
      'The link has no token. Open the link_url NOX returned when the link session was created (…?token=…).',
    ),
  loginNotPreselected: (brand: string, preselected: string) =>
    new NoxError(
      400,
      `This link session was created with brand "${preselected}", so only the ${preselected} login can be used, not "${brand}".`,
    ),
  noCodeRequested: (brand: string) =>
    new NoxError(
      400,
      `No one-time code was asked for at ${brand} in this link session: log in with a +otp username first.`,
    ),
  userNotFound: (userId: string, name: string) =>
    new NoxError(
      404,
      `No user ${userId} among the linked users of ${name}. Use the nox_user_id of the link callback.`,
    ),
  deviceNotFound: (deviceId: string, name: string, kind: string) =>
    new NoxError(404, `No ${kind} with device_id ${deviceId} among the devices of ${name}.`),
  deviceNotOfUser: (deviceId: string, userId: string) =>
    new NoxError(404, `Device ${deviceId} does not belong to user ${userId}.`),
  invalid: (loc: (string | number)[], msg: string) =>
    new NoxError(422, msg, [{ loc, msg, type: 'value_error' }]),
  clockOutOfRange: (target: number) =>
    new NoxError(
      400,
      `The virtual clock would move to ${target}, outside 1970 to the year 3000 (unix 0 to 32503680000).`,
    ),
  notServedYet: (method: string, path: string) =>
    new NoxError(
      501,
      `${method} ${path} is in the NOX API and in openapi/nox-auth.yaml, but this version of the mock does not serve it yet.`,
    ),
  redirectEntryInvalid: (entries: string[]) =>
    new NoxError(
      400,
      `redirect_urls must be absolute URLs with a host (https://your-app.com/callback, com.example.app://oauth/callback) and no userinfo, fragment or javascript:/data:/file: scheme, or loopback origins such as http://127.0.0.1:* (got ${entries.map((e) => JSON.stringify(e)).join(', ')}).`,
    ),
  organisationNotFound: (id: string) => new NoxError(404, `No organisation has the id "${id}".`),
  controlTokenRequired: () =>
    new NoxError(
      403,
      'The mock runs with --admin-token: every control API call must send "Authorization: Bearer <token>".',
    ),
  controlClosed: () =>
    new NoxError(
      403,
      'The control API is shut: the mock listens beyond loopback without an admin token. Restart it with --admin-token TOKEN and send "Authorization: Bearer TOKEN".',
    ),
  controlHostRefused: (host: string) =>
    new NoxError(
      403,
      `The control API answers only to Host localhost, 127.0.0.1, [::1] or the --public-url host (got ${host}); a foreign Host is what a DNS-rebinding page sends.`,
    ),
  controlOriginRefused: (origin: string) =>
    new NoxError(
      403,
      `The control API refuses requests from web pages of another origin (got ${origin}); call it from a script, a test or curl, not a browser page.`,
    ),
  providerStateUnknown: (state: string, known: readonly string[]) =>
    new NoxError(
      400,
      `Unknown provider state "${state}": the mock sets up ${known
        .map((k) => `"${k}"`)
        .join(', ')
        .replace(/, ([^,]*)$/, ' and $1')} (see POST /__nox/provider-states in openapi/nox-control.yaml).`,
    ),
  providerStateNeedsSupplier: (state: string, supplierState: string) =>
    new NoxError(
      400,
      `Provider state "${state}" needs a supplier: set up "${supplierState}" first (list it before this state in the interaction).`,
    ),
  providerStateParamInvalid: (param: string, value: string, known: readonly string[]) =>
    new NoxError(
      400,
      `Provider state param ${param} "${value}" is not one the mock sets up: ${known.map((k) => `"${k}"`).join(', ')}.`,
    ),
  pactMessageUnknown: (description: string, state: string) =>
    new NoxError(
      400,
      `The message "${description}" has no provider state "${state}": the mock produces webhook events by making that change (see POST /__nox/pact-messages in openapi/nox-control.yaml).`,
    ),
  pactMessageNoEvent: (eventType: string, reason = 'the value is the one the setting already has') =>
    new NoxError(400, `The change made no ${eventType} event for the supplier: ${reason}.`),
  providerStateLinkFailed: (state: string, error: string) =>
    new NoxError(
      409,
      `Provider state "${state}": linking the customer failed with ${error}; the mock's global policies are in the way (see GET /__nox/policies, or POST /__nox/reset).`,
    ),
  manufacturerNotEnabled: (name: string) =>
    new NoxError(
      401,
      `Manufacturer not enabled: ${name} makes no brand NOX supports. Create it with brands (e.g. ["daikin"]) through POST /__nox/organisations.`,
    ),
  manufacturerLinkSessionNotFound: (token: string) =>
    new NoxError(404, `No manufacturer link session has the token "${token}".`),
  supplierNotSelectable: (id: string, why: string) =>
    new NoxError(
      400,
      `Organisation ${id} cannot be chosen in the energy-supplier selector: ${why}. Choose a supplier created with an oauth_login_url.`,
    ),
  oauthLoginUrlInvalid: (url: string) =>
    new NoxError(400, `oauth_login_url must be an absolute http(s) URL (got ${JSON.stringify(url)}).`),
  supplierAuthStateUnknown: () =>
    new NoxError(
      404,
      'No supplier-auth session of yours has this state. Send the state NOX appended to your oauth_login_url, with your own API key.',
    ),
  supplierAuthStateOtherUser: (confirmed: string) =>
    new NoxError(
      409,
      `This state was already confirmed for user_id "${confirmed}"; a state confirms one user. Repeat the call with that user_id, or let the user start again.`,
    ),
  supplierAuthEnded: (error: string) =>
    new NoxError(
      409,
      `This supplier-auth session already ended unconfirmed (${error}); it cannot be confirmed any more. The user has to start again from the energy-supplier selector.`,
    ),
  supplierAuthDuplicate: (userId: string) =>
    new NoxError(
      409,
      `duplicate_connection: linking user_id "${userId}" is refused by the duplicate policy (reject). Unlink the existing connection first or change the policy.`,
    ),
  supplierAuthExpired: (expiresAt: number) =>
    new NoxError(
      410,
      `This state expired at ${expiresAt} (unix seconds): the login must be confirmed within the supplier-auth session's lifetime. The user has to start again.`,
    ),
  completeSupplierAuthBoth: () =>
    new NoxError(
      400,
      'Send supplier_user_id (the supplier confirms the login) or refuse: true (the user refuses the terms), not both.',
    ),
  webhookDeliveryNotFound: (id: string) =>
    new NoxError(
      404,
      `No webhook delivery has the id "${id}"; GET /__nox/webhooks lists the deliveries with their ids.`,
    ),
  webhookUrlInvalid: (url: string) =>
    new NoxError(
      400,
      `webhook_url must be an absolute http(s) URL where your receiver listens (got ${JSON.stringify(url)}).`,
    ),
  noxUserNotFound: (id: string) =>
    new NoxError(
      404,
      `No NOX user has the id "${id}". Use the nox_user_id a link (or GET /__nox/state) shows.`,
    ),
  webAppBrandUnknown: (slug: string) =>
    new NoxError(404, `The NOX web app has no sign-in for "${slug}": choose a heat-pump brand on /ui/app.`),
  webAppNotSignedIn: () =>
    new NoxError(400, 'This NOX web app page needs a signed-in user: sign in again on /ui/app.'),
  webAppNoCodeRequested: (brand: string) =>
    new NoxError(400, `No one-time code was asked for at ${brand}: sign in again on /ui/app.`),
  supplierReturnStateMissing: () =>
    new NoxError(
      400,
      'The return to NOX has no state: the energy supplier must send the browser to redirect_uri with the state NOX gave it.',
    ),
  supplierReturnStateUnknown: () =>
    new NoxError(
      404,
      'NOX Energy does not know this return link: no supplier-auth session has this state. Start again from the app.',
    ),
  controlForbidden: () =>
    new NoxError(
      403,
      'The control API answers only on loopback; start the mock with --admin-token and send "Authorization: Bearer <token>" to reach it from elsewhere.',
    ),
};
