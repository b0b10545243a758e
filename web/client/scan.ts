// Registering returned paper ballots, enhanced. Without this script the page
// is a plain form post that re-renders with the verdict. With it:
// - each serial is sent to the JSON API without leaving the page, so the
//   counters keep typing or scanning and the verdict shows at once;
// - where the browser has BarcodeDetector (Chrome on Android), the back
//   camera reads each ballot's QR code (the URL /b/<serial>) continuously.
// A retry after a lost response carries the same Idempotency-Key, so it is
// recognised as the same registration and never shown as a duplicate.

interface Detected { rawValue: string }
interface Detector { detect(source: HTMLVideoElement): Promise<Detected[]> }
type DetectorClass = new (opts: { formats: string[] }) => Detector;

const form = document.getElementById('serial-form') as HTMLFormElement | null;

/** The serial inside what was scanned or typed: a ballot URL's last part, or the text itself. */
function serialFrom(text: string): string {
  const t = text.trim();
  const at = t.indexOf('/b/');
  if (at < 0) return t;
  return decodeURIComponent(t.slice(at + 3).split(/[?#/]/)[0] || '');
}

function randomKey(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += (bytes[i]! + 256).toString(16).slice(1);
  return s;
}

if (form) {
  const campaignId = form.getAttribute('data-campaign') || '';
  const input = form.querySelector<HTMLInputElement>('input[name="serial"]')!;
  const result = document.getElementById('scan-result')!;
  const text = (name: string) => form.getAttribute(`data-text-${name}`) || '';
  let busy = false;

  const show = (tone: 'ok' | 'dup', verdict: string, detail: string) => {
    result.className = `scan-result scan-${tone}`;
    result.textContent = '';
    const v = document.createElement('span');
    v.className = 'scan-verdict';
    v.textContent = verdict;
    const d = document.createElement('span');
    d.className = 'scan-detail';
    d.textContent = detail;
    result.appendChild(v);
    result.appendChild(d);
    if (tone === 'dup' && navigator.vibrate) navigator.vibrate([200, 100, 200]);
  };

  const refreshProgress = async () => {
    const res = await fetch(`/api/v1/campaigns/${encodeURIComponent(campaignId)}/paper-ballots`, { credentials: 'same-origin' });
    if (!res.ok) return;
    const data = (await res.json()) as { villages: { villageId: string; registered: number; online: number; missing: number }[] };
    for (const v of data.villages) {
      const section = document.querySelector(`.paper-progress[data-village="${CSS.escape(v.villageId)}"]`);
      const values = section ? section.querySelectorAll('.stat-value') : [];
      const numbers = [v.registered, v.online, v.missing];
      for (let i = 0; i < numbers.length && i < values.length; i++) values[i]!.textContent = numbers[i]!.toLocaleString('vi-VN');
    }
  };

  const register = async (raw: string, key: string, attempt = 0): Promise<void> => {
    const serial = serialFrom(raw);
    if (!serial) return;
    let res: Response;
    try {
      res = await fetch(`/api/v1/campaigns/${encodeURIComponent(campaignId)}/paper-ballots/${encodeURIComponent(serial)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', 'idempotency-key': key, accept: 'application/json' },
        body: '{}',
      });
    } catch {
      // a dropped connection on a village's mobile network: try again with the same key
      if (attempt < 2) return register(raw, key, attempt + 1);
      show('dup', text('error'), serial);
      return;
    }
    const body = (await res.json().catch(() => ({}))) as { householdCode?: string; error?: { code: string; message: string } };
    if (res.ok) show('ok', text('ok'), body.householdCode ? `${text('household')} ${body.householdCode}` : serial);
    else if (body.error?.code === 'ALREADY_USED') show('dup', text('dup'), body.error.message);
    else if (res.status === 404) show('dup', text('notfound'), body.error?.message || serial);
    else show('dup', text('error'), body.error?.message || String(res.status));
    await refreshProgress();
  };

  const submit = async (raw: string) => {
    if (busy) return;
    busy = true;
    try {
      await register(raw, randomKey());
    } finally {
      busy = false;
      input.value = '';
      input.focus();
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    event.stopImmediatePropagation();
    void submit(input.value);
  }, true);

  const Barcode = (window as unknown as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  const start = document.getElementById('scan-start') as HTMLButtonElement | null;
  const stop = document.getElementById('scan-stop') as HTMLButtonElement | null;
  const video = document.getElementById('scan-video') as HTMLVideoElement | null;
  if (Barcode && navigator.mediaDevices && start && stop && video) {
    start.hidden = false;
    let stream: MediaStream | null = null;
    let timer = 0;
    let last = '';
    let lastAt = 0;
    const detector = new Barcode({ formats: ['qr_code'] });
    const halt = () => {
      window.clearInterval(timer);
      if (stream) stream.getTracks().forEach((t) => t.stop());
      stream = null;
      video.hidden = true;
      stop.hidden = true;
      start.hidden = false;
    };
    start.addEventListener('click', async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch {
        return; // no permission or no camera: typing still works
      }
      video.srcObject = stream;
      video.hidden = false;
      start.hidden = true;
      stop.hidden = false;
      await video.play();
      timer = window.setInterval(async () => {
        if (busy || video.readyState < 2) return;
        const found = await detector.detect(video).catch(() => []);
        const value = found[0]?.rawValue;
        // the same ballot held in front of the camera is read many times a second: once is enough
        if (!value || (value === last && Date.now() - lastAt < 4000)) return;
        last = value;
        lastAt = Date.now();
        void submit(value);
      }, 250);
    });
    stop.addEventListener('click', halt);
    window.addEventListener('pagehide', halt);
  }
}
