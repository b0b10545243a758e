// The two languages of every page, message and document, and the formats of
// dates and numbers they share (pages, PDFs, CSV). Pure: Intl only.
export type Lang = 'vi' | 'en';

/** A string in Vietnamese first, with its English: every message, label and legal note. */
export interface LocalizedText {
  vi: string;
  en: string;
}

/** The short name the views use for LocalizedText. */
export type Text = LocalizedText;

export const tr = (lang: Lang, text: LocalizedText): string => text[lang];


const TZ = 'Asia/Ho_Chi_Minh';
const dateFmt = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFmt = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false });
const numberFmt = new Intl.NumberFormat('vi-VN');

/** dd/mm/yyyy in Vietnam time. */
export function formatDate(iso: string | null | undefined): string {
  return iso ? dateFmt.format(new Date(iso)) : '';
}
/** dd/mm/yyyy hh:mm in Vietnam time. */
export function formatDateTime(iso: string | null | undefined): string {
  return iso ? `${dateFmt.format(new Date(iso))} ${timeFmt.format(new Date(iso))}` : '';
}
/** 1.599 — Vietnamese digit grouping. */
export function formatNumber(n: number): string {
  return numberFmt.format(n);
}
