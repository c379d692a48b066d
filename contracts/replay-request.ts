import { request } from 'node:http';

export interface ReplayAnswer {
  status: number;
  text: string;
}

/**
 * Sends one request on a connection of its own (`agent: false`, `Connection: close`). Pact starts a new
 * mock server per interaction; with fetch's shared keep-alive pool a replay could go out on a socket of
 * an earlier server that was closing, so the request never reached the current one ("expected but not
 * received"). A connection that fails before any answer is tried once more: nothing reached the server.
 */
export async function replayRequest(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<ReplayAnswer> {
  try {
    return await sendOnce(url, method, headers, body);
  } catch {
    return sendOnce(url, method, headers, body);
  }
}

function sendOnce(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body?: string,
): Promise<ReplayAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method, headers: { ...headers, connection: 'close' }, agent: false },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
