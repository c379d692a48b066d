/** One answer of the supplier app, redirects not followed. */
export interface Answer {
  status: number;
  location: string | null;
  text: string;
}

/** A customer's browser without a browser: keeps the session cookie, does not follow redirects. */
export function createCustomerClient(supplierUrl: string) {
  let cookie = '';
  const send = async (url: string, init: RequestInit = {}): Promise<Answer> => {
    const res = await fetch(new URL(url, supplierUrl), {
      ...init,
      redirect: 'manual',
      headers: { ...(cookie ? { cookie } : {}), ...(init.headers as Record<string, string>) },
    });
    const set = res.headers.getSetCookie()[0];
    if (set) cookie = set.split(';')[0] ?? '';
    return { status: res.status, location: res.headers.get('location'), text: await res.text() };
  };
  return {
    get: (url: string) => send(url),
    post: (url: string, form: Record<string, string>) =>
      send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(form).toString(),
      }),
    async logIn(customerId: string): Promise<void> {
      await send(`/login?user=${encodeURIComponent(customerId)}`);
    },
  };
}

export type CustomerClient = ReturnType<typeof createCustomerClient>;
