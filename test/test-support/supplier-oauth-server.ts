import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { escapeHtml } from '../../common/html.ts';

/** What the supplier's backend got back from NOX's POST /post-login-redirect. */
export interface PostLoginAnswer {
  status: number;
  body: Record<string, unknown>;
}

/**
 * A stand-in energy supplier's OAuth page (flow 2, design §3): a login form with a terms checkbox.
 * Accepted: the "backend" calls the mock's POST /post-login-redirect with the supplier's key and sends the
 * browser to the redirect_url NOX answered (or, when NOX refused, back to redirect_uri with only the
 * state). Refused, or the terms left unticked: redirect_uri?error=access_denied&state=… (RFC 6749).
 * "Back to NOX" returns with the state before any POST, as a browser's back button would.
 */
export async function startSupplierOAuthServer(mockUrl: string) {
  const answers: PostLoginAnswer[] = [];
  const config = { apiKey: '', beforeConfirm: async () => {} };
  const server = createServer((req, res) => {
    void handle(req).then(
      ({ status, headers, body }) => {
        res.writeHead(status, headers);
        res.end(body);
      },
      (error) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(String(error));
      },
    );
  });

  async function handle(req: IncomingMessage) {
    const url = new URL(req.url ?? '/', 'http://supplier');
    if (req.method === 'GET') return page(url.searchParams);
    const form = new URLSearchParams(await readBody(req));
    const back = new URL(form.get('redirect_uri') ?? '');
    back.searchParams.set('state', form.get('state') ?? '');
    if (form.get('action') === 'refuse' || form.get('terms') !== 'on') {
      back.searchParams.set('error', 'access_denied');
      return redirect(back.toString());
    }
    await config.beforeConfirm();
    const answer = await confirm(form.get('state') ?? '', form.get('username') ?? '');
    answers.push(answer);
    const to = answer.status === 200 ? String(answer.body.redirect_url) : back.toString();
    return redirect(to);
  }

  async function confirm(state: string, userId: string): Promise<PostLoginAnswer> {
    const res = await fetch(`${mockUrl}/post-login-redirect`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': config.apiKey },
      body: JSON.stringify({ state, user_id: userId }),
    });
    return { status: res.status, body: await res.json() };
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    /** The supplier's oauth_login_url. */
    loginUrl: `http://127.0.0.1:${port}/oauth`,
    answers,
    /** The supplier organisation's API key, set once it was created with loginUrl. */
    setApiKey(key: string) {
      config.apiKey = key;
    },
    /** Runs after the user pressed Accept and before the backend's POST (e.g. to let the clock run out). */
    setBeforeConfirm(hook: () => Promise<void>) {
      config.beforeConfirm = hook;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function page(query: URLSearchParams) {
  const hidden = ['state', 'redirect_uri', 'language']
    .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(query.get(k) ?? '')}">`)
    .join('');
  const back = new URL(query.get('redirect_uri') ?? 'http://invalid/');
  back.searchParams.set('state', query.get('state') ?? '');
  const body = `<!doctype html><html lang="${escapeHtml(query.get('language') ?? 'en')}"><title>Test Energy login</title>
<h1>Log in to Test Energy</h1>
<form method="post">${hidden}
<label>Customer number <input id="supplier-username" name="username" value="customer-1"></label>
<label><input type="checkbox" id="terms" name="terms"> I accept the terms and conditions</label>
<button id="accept" name="action" value="accept">Log in and accept</button>
<button id="refuse" name="action" value="refuse">Refuse</button>
</form>
<a id="back-early" href="${escapeHtml(back.toString())}">Back to NOX</a>`;
  return { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body };
}

function redirect(location: string) {
  return { status: 302, headers: { location }, body: '' };
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) body += chunk;
  return body;
}
