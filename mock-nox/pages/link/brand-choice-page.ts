import { html, raw } from '../../../common/html.ts';
import { brandsFor } from '../../domain/brands.ts';
import type { AssetType, Language } from '../../store/schema.ts';
import { renderLayout } from '../kit/layout.ts';
import { loginPath } from '../kit/page-paths.ts';
import { fill, textsFor } from '../kit/texts.ts';

export interface BrandChoiceView {
  language: Language;
  token: string;
  supplier: string;
  assetType: AssetType;
}

// Hides the brands that do not match the search box; the page works without it.
const filterScript = raw(`
const search = document.getElementById('brand-search');
search.addEventListener('input', () => {
  const wanted = search.value.trim().toLowerCase();
  let shown = 0;
  for (const item of document.querySelectorAll('.brands li')) {
    item.hidden = !item.textContent.toLowerCase().includes(wanted);
    if (!item.hidden) shown++;
  }
  document.getElementById('no-brand').hidden = shown > 0;
});`);

/** NOX's brand selection: the manufacturers of the session's asset type, each a link to its login. */
export function renderBrandChoicePage({ language, token, supplier, assetType }: BrandChoiceView): string {
  const t = textsFor(language);
  const asset = assetType === 'pv' ? t.asset_pv : t.asset_hp;
  const items = brandsFor(assetType).map(
    (b) =>
      html`<li><a href="${loginPath(b.slug, { token, language })}" data-brand="${b.slug}">${b.name}</a></li>`,
  );
  const body = html`<h1>${t.chooseBrand}</h1>
<p>${fill(t.wantsToConnect, { supplier, asset })}</p>
<p class="muted">${fill(t.chooseBrandIntro, { asset })}</p>
<label for="brand-search">${t.searchBrand}</label>
<input id="brand-search" type="search" autocomplete="off">
<ul class="brands">${items}</ul>
<p id="no-brand" class="muted" hidden>${t.noBrandFound}</p>
<script>${filterScript}</script>`;
  return renderLayout({ language, title: t.chooseBrand, body });
}
