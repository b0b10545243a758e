// docs/design.md states every legal rule the code applies with its article.
// A rule added to DEFAULT_RULES (or an article changed) must be documented
// there, quoted exactly, so the document never lags the data.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_RULES } from '../../server/domain/legal-rules';

const doc = readFileSync(fileURLToPath(new URL('../../docs/design.md', import.meta.url)), 'utf8');

/** [where in DEFAULT_RULES, article] for every `article` at any depth. */
function articles(value: unknown, path: string, out: [string, string][] = []): [string, string][] {
  if (Array.isArray(value)) value.forEach((v, i) => articles(v, `${path}.${i}`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'article' && typeof v === 'string') out.push([path, v]);
      else articles(v, `${path}.${k}`, out);
    }
  }
  return out;
}

describe('docs/design.md', () => {
  it('quotes the article of every rule in DEFAULT_RULES', () => {
    const all = articles(DEFAULT_RULES, 'DEFAULT_RULES');
    expect(all.length).toBeGreaterThan(30);
    const missing = all.filter(([, article]) => !doc.includes(`\`${article}\``)).map(([path, article]) => `${path}: ${article}`);
    expect(missing).toEqual([]);
  });
});
