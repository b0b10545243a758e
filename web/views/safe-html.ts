// The `html` element of a SurveyJS form, shown as markup but only a safe
// subset: text formatting, lists, headings, simple tables and links out.
// Sanitised by js-xss (allow-list based, no DOM: the same code runs on Node
// and on Workers); everything outside the list is dropped with its
// attributes, script and style with their content. Never inserted raw.
import { FilterXSS } from 'xss';

/** Text or an attribute value, escaped for HTML. */
export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const TEXT: string[] = [];
const ALLOWED: Record<string, string[]> = {
  p: TEXT, br: TEXT, hr: TEXT, b: TEXT, strong: TEXT, i: TEXT, em: TEXT, u: TEXT, s: TEXT, small: TEXT,
  sub: TEXT, sup: TEXT, mark: TEXT, span: TEXT, div: TEXT, blockquote: TEXT,
  ul: TEXT, ol: TEXT, li: TEXT, dl: TEXT, dt: TEXT, dd: TEXT,
  h3: TEXT, h4: TEXT, h5: TEXT, h6: TEXT,
  table: TEXT, caption: TEXT, thead: TEXT, tbody: TEXT, tr: TEXT, th: ['scope', 'colspan', 'rowspan'], td: ['colspan', 'rowspan'],
  a: ['href', 'title'],
};

/** Links may only leave the app for the web, mail or a phone call. */
const SAFE_HREF = /^(https?:\/\/|mailto:|tel:)/i;

const filter = new FilterXSS({
  whiteList: ALLOWED,
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style'],
  allowCommentTag: false,
  css: false,
  // the page's own headings are h1/h2: an author's become h3
  onTag(tag, _html, options) {
    if (tag === 'h1' || tag === 'h2') return options.isClosing ? '</h3>' : '<h3>';
    return undefined;
  },
  onTagAttr(tag, name, value) {
    if (tag === 'a' && name === 'href') {
      const href = value.trim();
      return SAFE_HREF.test(href) ? `href="${escapeHtml(href)}" rel="noopener noreferrer"` : '';
    }
    if ((name === 'colspan' || name === 'rowspan') && !/^\d{1,2}$/.test(value)) return '';
    if (name === 'scope' && !/^(row|col|rowgroup|colgroup)$/.test(value)) return '';
    return undefined;
  },
});

/** The author's HTML reduced to the safe subset. */
export function sanitiseHtml(html: string): string {
  return filter.process(html);
}
