import { NOX_GREEN } from '../kit/layout.ts';
import { pageStyle } from '../kit/page-style.ts';

/** The hosted pages' style sheet, widened for tables: served as a file, as the page allows no inline style. */
export const dashboardStyle = `:root { --accent: ${NOX_GREEN}; }
${pageStyle}
main.dash { max-width: 1240px; margin: 24px auto; }
[hidden] { display: none !important; }
.layout { display: grid; grid-template-columns: 220px 1fr; gap: 20px; align-items: start; }
.orgs { display: grid; gap: 6px; }
.orgs a { display: block; padding: 10px 12px; border-radius: 10px; background: #fff; border: 1px solid #dbe2e0; color: inherit; text-decoration: none; }
.orgs a[aria-current=page] { border-color: var(--accent); box-shadow: inset 3px 0 0 var(--accent); }
.orgs b { display: block; font-size: 14px; }
.orgs small { color: #5b6a66; font-size: 12px; }
.tabs { display: flex; flex-wrap: wrap; gap: 4px; margin-bottom: 10px; }
.tabs a { padding: 7px 12px; border-radius: 8px; color: #1c2a27; text-decoration: none; font-size: 14px; font-weight: 600; }
.tabs a[aria-current=page] { background: var(--accent); color: #fff; }
.content { min-width: 0; }
.view { padding: 20px 22px; min-height: 320px; }
.view p { font-size: 14px; }
.view p.small { font-size: 12px; }
.nowrap, summary .muted { white-space: nowrap; }
table.grid code { overflow-wrap: anywhere; }
table.grid code.id { white-space: nowrap; overflow-wrap: normal; }
table.grid code.setting { overflow-wrap: normal; }
.view input[type=number] { width: 90px; }
.copy-buffer { position: fixed; left: -9999px; }
.view h2:first-child { margin-top: 0; }
.token { max-width: 480px; margin: 40px auto; }
table.grid { width: 100%; border-collapse: collapse; font-size: 13px; margin: 6px 0 14px; }
table.grid th { text-align: left; color: #5b6a66; font-weight: 600; border-bottom: 1px solid #dbe2e0; padding: 6px 8px 6px 0; }
table.grid td { border-bottom: 1px solid #eef1f0; padding: 6px 8px 6px 0; vertical-align: top; }
dl.fields { display: grid; grid-template-columns: 170px 1fr; gap: 6px 14px; font-size: 14px; margin: 0 0 12px; }
dl.fields dt { color: #5b6a66; }
dl.fields dd { margin: 0; overflow-wrap: anywhere; }
.pill { display: inline-block; border-radius: 99px; padding: 0 8px; font-size: 12px; font-weight: 700; background: #eef1f0; color: #1c2a27; white-space: nowrap; }
.pill.ok { background: #e6f4ee; color: #0b4f39; }
.pill.warn { background: #fff6e0; color: #6b4d00; }
.pill.bad { background: #fdecea; color: #9b1c1c; }
.pill.info { background: #e8f0fb; color: #1d4f91; }
.view button, .view .small-button { flex: none; width: auto; padding: 5px 10px; font-size: 13px; border-radius: 7px; }
.view input, .view select { width: auto; padding: 5px 8px; font-size: 13px; border: 1px solid #c5cfcc; border-radius: 7px; background: #fff; }
.view label { display: inline-flex; gap: 6px; align-items: center; font-size: 13px; margin: 0 10px 0 0; font-weight: 600; }
.toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 0 0 12px; }
.journal details, .deliveries details { border-bottom: 1px solid #eef1f0; }
.journal summary, .deliveries summary { display: grid; gap: 10px; align-items: center; padding: 6px 0; cursor: pointer; font-size: 13px; list-style: none; }
.journal summary { grid-template-columns: 70px 52px minmax(0, 1fr) 46px 72px auto; }
.deliveries summary { grid-template-columns: 70px minmax(0, 1fr) 80px 90px 150px auto; }
summary::-webkit-details-marker { display: none; }
summary .path { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.exchange { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; padding: 4px 0 12px; }
.exchange h3 { font-size: 13px; margin: 6px 0 4px; }
pre { background: #f7f8f8; border: 1px solid #e3e8e6; border-radius: 8px; padding: 8px 10px; font-size: 12px; overflow: auto; max-height: 320px; margin: 0 0 8px; white-space: pre-wrap; overflow-wrap: anywhere; }
.words { margin: 4px 0 8px; padding-left: 18px; font-size: 13px; }
.words li.said-problem { color: #9b1c1c; }
.words li.said-warning { color: #6b4d00; }
.mono, code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12.5px; }
.left.expired { color: #9b1c1c; font-weight: 700; }
.brand-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(130px, 1fr)); gap: 4px; margin: 6px 0 12px; }
.brand-grid label { font-weight: 400; }
.view .inline { display: inline-flex; gap: 6px; align-items: center; flex-wrap: wrap; }
.empty { color: #7a8784; font-size: 14px; }
@media (max-width: 800px) { .layout { grid-template-columns: 1fr; } .exchange { grid-template-columns: 1fr; } }
`;
