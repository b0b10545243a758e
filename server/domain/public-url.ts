// The address printed in every QR code (ballots, posters, the results page's
// QR): DANBAN_PUBLIC_URL, or else the address the staff member's browser used
// to reach the server. Printing with the fallback is how a commune ends up
// with 1,599 ballots whose QR opens http://localhost:3000 on no phone at all,
// so staff are told before they print, and the server says it when it starts.
import type { LocalizedText } from './i18n';

/** Hosts a villager's phone cannot reach: this machine, or a private network. */
export function isLocalOrigin(origin: string): boolean {
  let host: string;
  try {
    host = new URL(origin).hostname.replace(/^\[|\]$/g, '').toLowerCase();
  } catch {
    return true;
  }
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host === '::1' || host === '0.0.0.0') return true;
  if (host.includes(':')) return /^(fc|fd|fe80)/.test(host);
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (!v4) return !host.includes('.');
  const [a, b] = [Number(v4[1]), Number(v4[2])];
  return a === 127 || a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31) || (a === 169 && b === 254);
}

export interface QrOriginWarning {
  /** the origin the QR codes will hold */
  origin: string;
  message: LocalizedText;
}

/**
 * What staff must know before printing: null when the QR codes will hold an
 * address phones can open, else that address and what to do about it.
 */
export function qrOriginWarning(publicUrl: string | undefined, requestOrigin: string): QrOriginWarning | null {
  const origin = publicUrl ?? requestOrigin;
  if (!isLocalOrigin(origin)) return null;
  const what = publicUrl
    ? { vi: `DANBAN_PUBLIC_URL đang là ${origin}: mã QR trên phiếu và áp phích sẽ in địa chỉ này.`, en: `DANBAN_PUBLIC_URL is ${origin}: the QR codes on ballots and posters will hold it.` }
    : {
        vi: `Chưa đặt DANBAN_PUBLIC_URL: mã QR trên phiếu và áp phích sẽ in địa chỉ ${origin}.`,
        en: `DANBAN_PUBLIC_URL is not set: the QR codes on ballots and posters will hold ${origin}.`,
      };
  return {
    origin,
    message: {
      vi: `${what.vi} Điện thoại của người dân không mở được địa chỉ này. Hãy đặt DANBAN_PUBLIC_URL là địa chỉ công khai của xã (ví dụ https://danban.vietkhe.gov.vn) và khởi động lại máy chủ trước khi in.`,
      en: `${what.en} Villagers’ phones cannot open it. Set DANBAN_PUBLIC_URL to the commune’s public address (e.g. https://danban.vietkhe.gov.vn) and restart the server before printing.`,
    },
  };
}
