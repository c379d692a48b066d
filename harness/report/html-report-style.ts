/** The HTML report's stylesheet, inlined so the page needs no other file but its screenshots. */
export const htmlReportStyle = `
:root{--bg:#f5f6f8;--card:#fff;--text:#1c2330;--muted:#667085;--line:#e3e6eb;--pass:#12805c;--fail:#c4321f;--skip:#a76a00;
--pass-bg:#e7f6ef;--fail-bg:#fdecea;--skip-bg:#fff4dc;--flaky:#b4540a;--flaky-bg:#fdf0e3;--accent:#2f5bea;--code-bg:#f1f3f6;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--bg:#11141a;--card:#1a1f27;--text:#e4e7ec;--muted:#98a2b3;--line:#2b323d;
--pass:#4cc38a;--fail:#ff7a66;--skip:#f0b429;--pass-bg:#16302a;--fail-bg:#3a1d1a;--skip-bg:#3a2f14;--flaky:#ffa057;--flaky-bg:#3a2516;--accent:#7c9cff;--code-bg:#222833}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--text);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
/* Long URLs, tokens and ids break anywhere rather than widen the page. */
main{max-width:1080px;margin:0 auto;padding:32px 20px 64px;overflow-wrap:anywhere}
a{color:var(--accent)}
code,pre{font:13px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
pre{background:var(--code-bg);border-radius:6px;padding:10px 12px;margin:6px 0;overflow:auto;max-height:420px;white-space:pre-wrap;word-break:break-word}
.muted{color:var(--muted);font-size:13px}
.report-header{display:flex;flex-wrap:wrap;gap:16px;justify-content:space-between;align-items:flex-end;margin-bottom:20px}
.eyebrow{margin:0;color:var(--muted);font-size:13px;text-transform:uppercase;letter-spacing:.08em}
h1{margin:2px 0 4px;font-size:28px}
.verdict{padding:10px 16px;border-radius:8px;font-weight:700}
.verdict.passed{background:var(--pass-bg);color:var(--pass)}.verdict.failed{background:var(--fail-bg);color:var(--fail)}
.untested{flex-basis:100%;margin:0;padding:8px 12px;border-radius:8px;background:var(--skip-bg);color:var(--skip);font-weight:600}
.counts{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px;margin-bottom:20px}
.count{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 16px}
.count b{display:block;font-size:26px}.count.passed b{color:var(--pass)}.count.failed b{color:var(--fail)}.count.skipped b{color:var(--skip)}
.filters{position:sticky;top:0;z-index:1;display:flex;flex-wrap:wrap;gap:8px 20px;align-items:center;background:var(--bg);padding:10px 0;margin-bottom:8px;border-bottom:1px solid var(--line)}
.filters .group{display:flex;gap:4px;align-items:center}
.filters input{font:inherit;font-size:14px;flex:1 1 260px;min-width:0;padding:5px 10px;border:1px solid var(--line);border-radius:6px;background:var(--card);color:var(--text)}
.filters .group{flex-wrap:wrap}.filters .n{opacity:.7}#shown{margin:0}
.filters button{font:inherit;font-size:13px;border:1px solid var(--line);background:var(--card);color:var(--text);border-radius:999px;padding:3px 12px;cursor:pointer}
.filters button[aria-pressed=true]{background:var(--text);color:var(--card);border-color:var(--text)}
.scenario{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--pass);border-radius:10px;margin:10px 0}
.scenario.failed{border-left-color:var(--fail)}.scenario.skipped{border-left-color:var(--skip)}.scenario[data-outcome=flaky]{border-left-color:var(--flaky)}
.scenario>summary{display:flex;flex-wrap:wrap;gap:8px;align-items:center;padding:12px 16px;cursor:pointer;list-style:none}
.scenario>summary::-webkit-details-marker{display:none}
.scenario>summary .mark{align-self:flex-start;line-height:24px}summary:focus-visible{outline:2px solid var(--accent);outline-offset:-2px;border-radius:8px}
.scenario>summary::after{content:"";width:7px;height:7px;margin:0 4px;border-right:2px solid var(--muted);border-bottom:2px solid var(--muted);transform:rotate(-45deg);transition:transform .15s}
.scenario[open]>summary::after{transform:rotate(45deg)}
.scenario-name{font-size:16px;margin:0;flex:1 1 320px;min-width:0}
.mark{font-weight:700;width:1.2em;text-align:center}
.passed>summary .mark,.step.passed .mark{color:var(--pass)}.failed>summary .mark,.step.failed .mark{color:var(--fail)}.skipped>summary .mark{color:var(--skip)}
.chip{font-size:12px;border-radius:999px;padding:1px 9px;border:1px solid var(--line)}
.chip.passed{background:var(--pass-bg);color:var(--pass);border:0}.chip.failed{background:var(--fail-bg);color:var(--fail);border:0}.chip.skipped{background:var(--skip-bg);color:var(--skip);border:0}
.chip.flaky{background:var(--flaky-bg);color:var(--flaky);border:0}.chip.sev-required{font-weight:600}
.scenario-body{padding:0 16px 16px 44px}
h3{font-size:14px;margin:18px 0 8px}h4{font-size:13px;margin:0 0 4px;color:var(--muted)}
.facts{display:grid;grid-template-columns:110px minmax(0,1fr);gap:4px 12px;margin:12px 0}.facts dt{color:var(--muted)}.facts dd{margin:0}
.tag{display:inline-block;font-size:12px;background:var(--code-bg);border-radius:4px;padding:0 6px;margin-right:4px}
.callout{border-radius:8px;padding:12px 16px;margin-top:4px}
.callout.failed{background:var(--fail-bg)}.callout.skipped{background:var(--skip-bg)}
.callout h3{margin:0 0 8px;color:var(--fail)}.callout .code{font-size:12px;opacity:.8;margin-left:6px}
.callout dl{display:grid;grid-template-columns:90px minmax(0,1fr);gap:6px 12px;margin:0}.callout dt{font-weight:600}.callout dd{margin:0;white-space:pre-wrap}
.steps{padding-left:20px;margin:0}.step{margin:6px 0}.step-line{display:flex;gap:6px;align-items:baseline}.step-name{min-width:0}.step-line .muted{flex:none}
.shot{display:block;max-width:min(280px,100%);max-height:180px;margin:6px 0 10px;border:1px solid var(--line);border-radius:6px;cursor:zoom-in}
.code-frame{white-space:pre}.trace p{margin:4px 0}.trace .command{user-select:all}
.shot-missing{display:block;font-size:13px;color:var(--muted);font-style:italic;margin:4px 0 8px}
.call{border:1px solid var(--line);border-radius:8px;margin:6px 0}
.call>summary{padding:6px 10px;cursor:pointer;display:flex;flex-wrap:wrap;gap:8px;align-items:baseline}
.method{font:600 12px ui-monospace,monospace;min-width:48px}.path{word-break:break-all}
.http{font:600 12px ui-monospace,monospace;border-radius:4px;padding:0 6px}
.s2xx{background:var(--pass-bg);color:var(--pass)}.s3xx{background:var(--code-bg)}.s4xx,.s5xx{background:var(--fail-bg);color:var(--fail)}
.call-body{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(300px,100%),1fr));gap:12px;padding:4px 10px 10px}.call-body>div{min-width:0}
.headers summary{font-size:12px;color:var(--muted);cursor:pointer}
#no-match{text-align:center;padding:24px}
.deep-link{font-size:13px}
.copy-link{font:inherit;font-size:12px;border:1px solid var(--line);background:var(--card);color:var(--text);border-radius:4px;padding:0 8px;cursor:pointer}
[role=tablist]{display:flex;flex-wrap:wrap;gap:4px;border-bottom:1px solid var(--line);margin-top:12px}
[role=tab]{font:inherit;font-size:14px;background:none;color:var(--text);border:0;border-bottom:3px solid transparent;padding:6px 12px;cursor:pointer}
[role=tab][aria-selected=true]{border-bottom-color:var(--accent);font-weight:600}
[role=tab].passed .mark{color:var(--pass)}[role=tab].failed .mark{color:var(--fail)}
@media (max-width:640px){main{padding:20px 12px 48px}.filters{position:static}.scenario-body{padding:0 12px 12px}.facts{grid-template-columns:80px minmax(0,1fr)}
.scenario>summary{padding:12px}.scenario-name{flex-basis:calc(100% - 3em)}.counts{grid-template-columns:repeat(3,minmax(0,1fr));gap:8px}.count{padding:8px 10px}.count b{font-size:22px}.count .muted{display:block}}
#lightbox{position:fixed;inset:0;background:rgba(0,0,0,.8);display:flex;align-items:center;justify-content:center;cursor:zoom-out;z-index:2}
#lightbox[hidden]{display:none}#lightbox img{max-width:95vw;max-height:95vh;border-radius:6px}
footer{margin-top:32px;text-align:center}
`;
