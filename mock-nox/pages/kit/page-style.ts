/** The one style sheet of the hosted pages; `--accent` is NOX's green or the manufacturer's colour. */
export const pageStyle = `
* { box-sizing: border-box; }
body { margin: 0; background: #f2f5f4; color: #1c2a27; font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
header { background: var(--accent); color: #fff; padding: 14px 24px; display: flex; align-items: center; gap: 12px; }
.logo { font-weight: 800; font-size: 20px; letter-spacing: .08em; }
.logo span { font-weight: 400; letter-spacing: 0; opacity: .85; margin-left: 4px; }
.badge { margin-left: auto; font-size: 12px; border: 1px solid rgba(255,255,255,.6); border-radius: 99px; padding: 2px 10px; }
main { max-width: 480px; margin: 40px auto; padding: 0 16px; }
.card { background: #fff; border-radius: 14px; box-shadow: 0 4px 24px rgba(0,0,0,.08); padding: 28px; }
h1 { font-size: 22px; line-height: 1.3; margin: 0 0 8px; }
p { margin: 0 0 16px; }
.muted { color: #5b6a66; font-size: 14px; }
label { display: block; font-size: 14px; font-weight: 600; margin: 14px 0 6px; }
input { width: 100%; padding: 10px 12px; border: 1px solid #c5cfcc; border-radius: 8px; font-size: 16px; }
input:focus { outline: 2px solid var(--accent); border-color: transparent; }
.actions { display: flex; gap: 10px; margin-top: 22px; }
button { flex: 1; padding: 11px 16px; border-radius: 8px; font-size: 16px; font-weight: 600; cursor: pointer; border: 1px solid var(--accent); }
.primary { background: var(--accent); color: #fff; }
.secondary { background: #fff; color: var(--accent); }
.error { background: #fdecea; color: #9b1c1c; border-radius: 8px; padding: 10px 12px; margin: 0 0 16px; }
.brands { list-style: none; padding: 0; margin: 16px 0 0; display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
.brands a { display: block; padding: 12px 14px; border: 1px solid #dbe2e0; border-radius: 10px; color: inherit; text-decoration: none; font-weight: 600; }
.brands a:hover { border-color: var(--accent); color: var(--accent); }
.accounts { margin-top: 26px; background: #f7f8f8; border: 1px dashed #c5cfcc; border-radius: 10px; padding: 14px; font-size: 13px; }
.accounts h2 { font-size: 14px; margin: 0 0 4px; }
.accounts table { border-collapse: collapse; width: 100%; }
.accounts td { padding: 4px 6px 4px 0; vertical-align: top; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
.status { font-size: 44px; line-height: 1; margin-bottom: 12px; }
h2 { font-size: 17px; margin: 20px 0 6px; }
.header-link { color: #fff; font-size: 13px; margin-left: 4px; }
.choices { list-style: none; padding: 0; margin: 16px 0 0; display: grid; gap: 8px; }
.choices button { width: 100%; text-align: left; background: #fff; color: inherit; border: 1px solid #dbe2e0; border-radius: 10px; padding: 14px 16px; }
.choices button:hover { border-color: var(--accent); color: var(--accent); }
a.button { flex: 1; display: block; text-align: center; text-decoration: none; padding: 11px 16px; border-radius: 8px; font-weight: 600; border: 1px solid var(--accent); }
.notice { background: #e6f4ee; color: #0b4f39; border-radius: 8px; padding: 10px 12px; margin: 0 0 16px; }
.warning { background: #fff6e0; color: #6b4d00; border-radius: 8px; padding: 10px 12px; margin: 12px 0 0; font-size: 14px; }
fieldset { border: 1px solid #dbe2e0; border-radius: 10px; padding: 4px 16px 16px; margin: 18px 0 0; }
legend { font-weight: 700; padding: 0 6px; }
label.check { display: flex; gap: 10px; align-items: flex-start; font-weight: 400; }
label.check input { width: auto; margin-top: 5px; }
.languages { display: flex; gap: 12px; justify-content: center; margin-top: 22px; font-size: 13px; }
.languages a, .back a { color: var(--accent); }
.status.failed { color: #9b1c1c; }
.status.ok { color: var(--accent); }
.back { margin: 20px 0 0; }
button, input { font-family: inherit; }
.choices button { display: flex; justify-content: space-between; align-items: center; gap: 12px; }
.choices button::after { content: '›'; font-size: 22px; line-height: 1; color: #9aa8a4; }
.small { font-size: 12px; margin-top: 18px; }
footer { text-align: center; font-size: 12px; color: #7a8784; margin: 24px 0; }
footer a { color: inherit; }
`;
