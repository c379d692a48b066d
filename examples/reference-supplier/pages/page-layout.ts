import { html, SafeHtml } from './html.ts';

const style = new SafeHtml(`
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f4f6f3; color: #1d2a1f; }
  header { background: #1f6f43; color: #fff; padding: .8rem 1.5rem; display: flex; justify-content: space-between; }
  header a, header button { color: #fff; background: none; border: 0; font: inherit; cursor: pointer; }
  main { max-width: 40rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: 8px; }
  button, .button { background: #1f6f43; color: #fff; border: 0; border-radius: 4px; padding: .5rem 1rem;
    font: inherit; cursor: pointer; text-decoration: none; display: inline-block; }
  label { display: block; margin: .6rem 0 .2rem; }
  input, select { font: inherit; padding: .3rem; }
  .notice { background: #fff6d6; padding: .5rem 1rem; border-radius: 4px; }
  .error { background: #fde3e1; padding: .5rem 1rem; border-radius: 4px; }
  .muted { color: #5b665d; font-size: .9rem; }
  code { background: #eef1ed; padding: 0 .3rem; border-radius: 3px; }
`);

export interface PageOptions {
  title: string;
  /** The logged-in customer, shown in the header with a log-out button. */
  customerId?: string | null;
}

/** A whole page of the Reference Energy site around `body`. */
export function renderPage({ title, customerId }: PageOptions, body: SafeHtml): string {
  const account = customerId
    ? html`<form method="post" action="/logout">Customer <b>${customerId}</b> · <button>Log out</button></form>`
    : html`<a href="/login">Log in</a>`;
  return html`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Reference Energy</title><style>${style}</style></head>
<body><header><a href="/"><b>Reference Energy</b></a>${account}</header>
<main>${body}</main></body></html>`.value;
}
