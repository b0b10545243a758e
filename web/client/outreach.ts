// One tap copies the loudspeaker text, the Zalo message or its link. Without
// JavaScript the buttons stay hidden and the text boxes can be selected by
// hand. Old Zalo WebViews may lack navigator.clipboard: select and execCommand.

function announce(button: HTMLElement): void {
  const status = button.parentElement?.querySelector<HTMLElement>('.copy-status');
  if (status) status.textContent = status.getAttribute('data-copied') ?? '';
}

function copyFromBox(box: HTMLTextAreaElement): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(box.value);
  box.focus();
  box.select();
  document.execCommand('copy');
  return Promise.resolve();
}

function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const box = document.createElement('textarea');
  box.value = text;
  box.setAttribute('readonly', '');
  box.className = 'visually-hidden';
  document.body.appendChild(box);
  box.select();
  document.execCommand('copy');
  document.body.removeChild(box);
  return Promise.resolve();
}

const buttons = document.querySelectorAll<HTMLButtonElement>('[data-copy], [data-copy-text]');
for (let i = 0; i < buttons.length; i++) {
  const button = buttons[i]!;
  button.hidden = false;
  button.addEventListener('click', () => {
    const id = button.getAttribute('data-copy');
    const box = id ? (document.getElementById(id) as HTMLTextAreaElement | null) : null;
    const done = box ? copyFromBox(box) : copyText(button.getAttribute('data-copy-text') ?? '');
    done.then(() => announce(button), () => box?.select());
  });
}
