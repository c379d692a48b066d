/** The HTML report's script: the filter bar, expand/collapse all, and enlarging a screenshot on click. */
export const htmlReportScript = `
const chosen = { status: 'all', severity: 'all' };
for (const button of document.querySelectorAll('[data-filter]')) {
  button.addEventListener('click', () => {
    chosen[button.dataset.filter] = button.dataset.value;
    for (const b of document.querySelectorAll('[data-filter="' + button.dataset.filter + '"]')) {
      b.setAttribute('aria-pressed', String(b === button));
    }
    let shown = 0;
    for (const s of document.querySelectorAll('.scenario')) {
      s.hidden = !['status', 'severity'].every((k) => chosen[k] === 'all' || s.dataset[k] === chosen[k]);
      if (!s.hidden) shown++;
    }
    document.getElementById('no-match').hidden = shown > 0;
  });
}
for (const button of document.querySelectorAll('[data-expand]')) {
  button.addEventListener('click', () => {
    for (const s of document.querySelectorAll('.scenario')) s.open = button.dataset.expand === 'all';
  });
}
const lightbox = document.getElementById('lightbox');
document.addEventListener('click', (event) => {
  if (event.target.classList.contains('shot')) {
    lightbox.querySelector('img').src = event.target.src;
    lightbox.hidden = false;
  } else if (lightbox.contains(event.target)) lightbox.hidden = true;
});
document.addEventListener('keydown', (event) => { if (event.key === 'Escape') lightbox.hidden = true; });
`;
