import { html } from '../../../common/html.ts';
import { loadSpec } from '../../../openapi/validator/load-spec.ts';
import { brands } from '../../domain/brands.ts';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** What the script builds its forms from, read from the specs so a new policy or route shows up by itself. */
function pageData() {
  const control = loadSpec('nox-control.yaml');
  const policies = control.components.schemas.PolicyChanges.properties as Record<string, object>;
  const routes = ['nox-auth.yaml', 'nox-data.yaml'].flatMap((file) =>
    Object.entries(loadSpec(file).paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((m) => METHODS.includes(m))
        .map((m) => `${m.toUpperCase()} ${path}`),
    ),
  );
  return { brands: brands.map((b) => b.slug), policies, routes };
}

let page: string | undefined;

/** The dashboard's page: its frame in the mock's style, filled in by /__nox/ui/dashboard.js. */
export function dashboardPage(): string {
  page ??= html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>nox-testkit dashboard</title>
<link rel="stylesheet" href="/__nox/ui/dashboard.css">
<script src="/__nox/ui/dashboard.js" defer></script>
</head>
<body data-page="${JSON.stringify(pageData())}">
<header><div class="logo">NOX<span>Energy</span></div><span class="badge">nox-testkit dashboard · simulated</span></header>
<main class="dash">
<p id="problem" class="error" role="alert" hidden></p>
<p id="notice" class="notice" role="status" hidden></p>
<form id="token" class="card token" hidden>
<h1>Admin token</h1>
<p class="muted">This mock runs with <code>--admin-token</code>: every control API call must carry it. It is kept for this tab only (sessionStorage) and sent as <code>Authorization: Bearer</code>.</p>
<p id="token-problem" class="error" hidden></p>
<label for="token-input">Token</label>
<input id="token-input" type="password" autocomplete="off" required>
<div class="actions"><button class="primary" type="submit">Open the dashboard</button></div>
</form>
<div id="app" class="layout" hidden>
<nav id="orgs" class="orgs" aria-label="Organisations"></nav>
<section class="content">
<nav id="tabs" class="tabs" aria-label="Views"></nav>
<div id="view" class="card view"></div>
</section>
</div>
<footer>Simulated by nox-testkit. This is not the real NOX Energy. Every action here is a call to the control API under /__nox. <span id="live"></span></footer>
</main>
</body>
</html>`.value;
  return page;
}
