// Progressive enhancement only: every page works without this script.
// Loaded on every page by web/views/layout.tsx; keep it tiny (slow 3G).

// A second tap on a slow connection must not send a form twice. The buttons are
// disabled after the submit event has run, so the submitter's name/value is still sent.
document.addEventListener('submit', (event) => {
  const form = event.target as HTMLFormElement;
  const message = form.getAttribute('data-confirm');
  if (message && !window.confirm(message)) {
    event.preventDefault();
    return;
  }
  if (form.getAttribute('aria-busy') === 'true') {
    event.preventDefault();
    return;
  }
  form.setAttribute('aria-busy', 'true');
  window.setTimeout(() => {
    const buttons = form.querySelectorAll<HTMLButtonElement>('button[type="submit"], button:not([type])');
    for (let i = 0; i < buttons.length; i++) buttons[i]!.disabled = true;
  }, 0);
});

// Coming back with the Back button restores the page from cache: re-enable its forms.
window.addEventListener('pageshow', () => {
  const busy = document.querySelectorAll<HTMLFormElement>('form[aria-busy="true"]');
  for (let i = 0; i < busy.length; i++) {
    const form = busy[i]!;
    form.removeAttribute('aria-busy');
    const buttons = form.querySelectorAll<HTMLButtonElement>('button');
    for (let j = 0; j < buttons.length; j++) buttons[j]!.disabled = false;
  }
});

// Old WebViews lack :has(); mark the checked choice row so it stands out there too.
function markChoices(): void {
  const rows = document.querySelectorAll<HTMLElement>('.choice');
  for (let i = 0; i < rows.length; i++) {
    const input = rows[i]!.querySelector('input');
    rows[i]!.classList.toggle('is-checked', !!input && input.checked);
  }
}
document.addEventListener('change', (event) => {
  const t = event.target as HTMLElement;
  if (t && t.closest && t.closest('.choice')) markChoices();
});
markChoices();

// A button that prints the page (a list to take round the village). Shown only
// with this script; without it the browser's own Print command does the same.
const printButtons = document.querySelectorAll<HTMLButtonElement>('[data-print]');
for (let i = 0; i < printButtons.length; i++) {
  printButtons[i]!.hidden = false;
  printButtons[i]!.addEventListener('click', () => window.print());
}
