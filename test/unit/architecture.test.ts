import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';

// The direction of the imports, read from the sources: routes → services →
// domain and repositories; views and print read the domain; the domain reads
// nothing but itself; only server/runtime/, the entry files and the CLI touch
// Node or Workers. A wrong-direction import fails here, naming the file and
// what it imports, instead of waiting for a review.

const ROOT = normalize(join(dirname(new URL(import.meta.url).pathname), '../..'));

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = `${dir}/${e.name}`;
    if (e.isDirectory()) {
      if (path !== 'db/d1') out.push(...sources(path));
    } else if (/\.(ts|tsx|mts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts') && !e.name.endsWith('.gen.ts')) out.push(path);
  }
  return out;
}

/** Every import of a file (static, dynamic, re-export, type-only), relative ones as paths from the repository root without extension. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return info.importedFiles.map(({ fileName }) =>
    fileName.startsWith('.') ? relative(ROOT, join(ROOT, dirname(file), fileName)).replace(/\.(ts|tsx|js|mjs)$/, '') : fileName);
}

const FILES = ['server', 'db', 'web'].flatMap(sources);
const IMPORTS = new Map(FILES.map((f) => [f, importsOf(f)]));

/** A package or module that exists only on one runtime. */
const RUNTIME_SPECIFIC = /^(node:|better-sqlite3$|@hono\/node-server|cloudflare:|@cloudflare\/|wrangler)/;
/** Where runtime-specific imports may be: the runtime seam, the entry files, the CLI, and the seed generator (a script). */
const MAY_USE_RUNTIME = /^(server\/runtime\/|server\/entry-(node|worker)\.ts$|server\/cli(-commands)?\.ts$|db\/seed\/generate\.ts$)/;

const under = (...dirs: string[]) => (target: string) => dirs.some((d) => target === d || target.startsWith(`${d}/`));
const pkg = (...names: string[]) => (target: string) => names.some((n) => target === n || target.startsWith(`${n}/`));

interface Rule {
  layer: string;
  files: (f: string) => boolean;
  forbidden: { what: string; test: (target: string) => boolean }[];
}

const RULES: Rule[] = [
  {
    layer: 'domain (pure rules)',
    files: under('server/domain'),
    forbidden: [
      { what: 'a framework, database or runtime package', test: (t) => pkg('hono', 'kysely', 'pdfkit', 'qrcode', 'fflate', 'zod')(t) || RUNTIME_SPECIFIC.test(t) },
      { what: 'an outer layer', test: under('server/runtime', 'server/http', 'server/routes', 'server/services', 'server/print', 'server/kinds', 'server/app', 'server/config', 'db', 'web') },
    ],
  },
  {
    layer: 'kinds (pure: results builders and views)',
    files: under('server/kinds'),
    forbidden: [
      { what: 'the database, a service, HTTP or a runtime', test: (t) => pkg('kysely')(t) || RUNTIME_SPECIFIC.test(t) || under('db', 'server/services', 'server/http', 'server/routes', 'server/runtime')(t) },
    ],
  },
  {
    layer: 'services',
    files: under('server/services'),
    forbidden: [{ what: 'a route, HTTP or a page', test: under('server/routes', 'server/http', 'server/app', 'web') }],
  },
  {
    layer: 'repositories and schema',
    files: under('db'),
    forbidden: [{ what: 'a service, route, HTTP, page or print module', test: under('server/services', 'server/routes', 'server/http', 'server/print', 'server/kinds', 'server/app', 'web') }],
  },
  {
    layer: 'views',
    files: under('web/views'),
    forbidden: [{ what: 'a service, the database, HTTP or a runtime', test: (t) => pkg('kysely')(t) || under('server/services', 'server/routes', 'server/http', 'server/runtime', 'db')(t) }],
  },
  {
    layer: 'browser scripts',
    files: under('web/client'),
    forbidden: [{ what: 'anything of the server but the pure domain', test: (t) => under('server', 'db', 'web/views')(t) && !under('server/domain')(t) }],
  },
  {
    layer: 'print (PDF documents from view models)',
    files: under('server/print'),
    forbidden: [{ what: 'a service, the database, HTTP or a page', test: under('server/services', 'server/routes', 'server/http', 'server/runtime', 'server/kinds', 'db', 'web') }],
  },
  {
    layer: 'routes',
    files: under('server/routes'),
    forbidden: [{ what: 'the database (routes call services)', test: (t) => pkg('kysely')(t) || under('db')(t) }],
  },
  {
    layer: 'http',
    files: under('server/http'),
    forbidden: [{ what: 'the database or a route', test: (t) => pkg('kysely')(t) || under('db', 'server/routes')(t) }],
  },
  {
    layer: 'everything but the runtime seam, entry files and CLI',
    files: (f) => !MAY_USE_RUNTIME.test(f),
    forbidden: [{ what: 'a runtime-specific module', test: (t) => RUNTIME_SPECIFIC.test(t) }],
  },
];

describe('imports run one way', () => {
  it('reads the sources it checks', () => {
    expect(FILES.length).toBeGreaterThan(150);
    expect(IMPORTS.get('server/domain/tally.ts')).toContain('server/domain/legal-rules');
    expect(IMPORTS.get('server/entry-node.ts')).toContain('@hono/node-server');
  });

  it.each(RULES.map((r) => [r.layer, r] as const))('%s', (_layer, rule) => {
    const wrong: string[] = [];
    for (const file of FILES.filter(rule.files)) {
      for (const target of IMPORTS.get(file)!) {
        const broken = rule.forbidden.find((f) => f.test(target));
        if (broken) wrong.push(`${file} imports ${target} (${broken.what})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('would catch a wrong-direction import', () => {
    const domain = RULES[0]!;
    for (const target of ['kysely', 'hono', 'node:fs', 'server/services/guards', 'db/schema', 'web/views/layout', 'server/http/errors']) {
      expect(domain.forbidden.some((f) => f.test(target)), target).toBe(true);
    }
    const views = RULES.find((r) => r.layer === 'views')!;
    expect(views.forbidden.some((f) => f.test('db/repositories/users'))).toBe(true);
    expect(views.forbidden.some((f) => f.test('server/services/public-portal'))).toBe(true);
    const anywhere = RULES[RULES.length - 1]!;
    expect(anywhere.files('server/services/cast-ballot.ts') && anywhere.forbidden[0]!.test('better-sqlite3')).toBe(true);
    expect(anywhere.files('server/runtime/sqlite-node.ts')).toBe(false);
  });
});
