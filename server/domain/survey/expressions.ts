// The small subset of SurveyJS conditions the server understands:
//   {q} = 'v'   {q} != 'v'   {q} notempty   {q} empty   {q} contains 'v'
//   {q} anyof ['a', 'b']     combined with `and` / `or` and parentheses.
// Values compare as survey-core compares them (Helpers.checkIfValuesEqual:
// strings trimmed and case-insensitive, numbers and numeric strings alike,
// arrays ignoring order), so the server shows and hides exactly what the
// SurveyJS browser form does.

import { isEmptyValue } from './definition';

export type Literal = string | number | boolean;

export type Condition =
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'compare'; op: '=' | '!=' | 'contains'; name: string; value: Literal }
  | { kind: 'test'; op: 'empty' | 'notempty'; name: string }
  | { kind: 'anyof'; name: string; values: Literal[] };

export class ExpressionError extends Error {
  constructor(readonly expression: string, readonly reason: string) {
    super(`${reason}: ${expression}`);
    this.name = 'ExpressionError';
  }
}

type Token =
  | { t: 'var'; name: string }
  | { t: 'lit'; value: Literal }
  | { t: 'word'; word: string }
  | { t: 'op'; op: string }
  | { t: 'punct'; p: '(' | ')' | '[' | ']' | ',' };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (c === '{') {
      const end = src.indexOf('}', i);
      if (end < 0) throw new ExpressionError(src, 'unclosed {');
      const name = src.slice(i + 1, end).trim();
      if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new ExpressionError(src, `unsupported variable {${name}}`);
      out.push({ t: 'var', name });
      i = end + 1;
      continue;
    }
    if (c === "'" || c === '"') {
      const end = src.indexOf(c, i + 1);
      if (end < 0) throw new ExpressionError(src, 'unclosed string');
      out.push({ t: 'lit', value: src.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    if (c === '(' || c === ')' || c === '[' || c === ']' || c === ',') { out.push({ t: 'punct', p: c }); i++; continue; }
    if (src.startsWith('!=', i)) { out.push({ t: 'op', op: '!=' }); i += 2; continue; }
    if (c === '=') { out.push({ t: 'op', op: '=' }); i++; continue; }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num) { out.push({ t: 'lit', value: Number(num[0]) }); i += num[0].length; continue; }
    const word = /^[A-Za-z]+/.exec(src.slice(i));
    if (word) {
      const w = word[0].toLowerCase();
      out.push(w === 'true' || w === 'false' ? { t: 'lit', value: w === 'true' } : { t: 'word', word: w });
      i += word[0].length;
      continue;
    }
    throw new ExpressionError(src, `unexpected "${c}"`);
  }
  return out;
}

/** Parses a condition; throws ExpressionError naming what is outside the subset. */
export function parseCondition(src: string): Condition {
  const tokens = tokenize(src);
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (why: string): never => { throw new ExpressionError(src, why); };

  const literal = (): Literal => {
    const tok = tokens[pos++];
    return tok?.t === 'lit' ? tok.value : fail('expected a value');
  };
  const comparison = (): Condition => {
    const tok = tokens[pos];
    if (tok?.t === 'punct' && tok.p === '(') {
      pos++;
      const inner = disjunction();
      const close = tokens[pos++];
      if (!(close?.t === 'punct' && close.p === ')')) fail('expected )');
      return inner;
    }
    if (tok?.t !== 'var') return fail('expected {question}');
    pos++;
    const op = tokens[pos++];
    if (op?.t === 'op') return { kind: 'compare', op: op.op as '=' | '!=', name: tok.name, value: literal() };
    if (op?.t === 'word') {
      if (op.word === 'empty' || op.word === 'notempty') return { kind: 'test', op: op.word, name: tok.name };
      if (op.word === 'contains') return { kind: 'compare', op: 'contains', name: tok.name, value: literal() };
      if (op.word === 'anyof') {
        const open = tokens[pos++];
        if (!(open?.t === 'punct' && open.p === '[')) fail('expected [ after anyof');
        const values: Literal[] = [];
        for (;;) {
          values.push(literal());
          const sep = tokens[pos++];
          if (sep?.t === 'punct' && sep.p === ',') continue;
          if (sep?.t === 'punct' && sep.p === ']') break;
          fail('expected , or ]');
        }
        return { kind: 'anyof', name: tok.name, values };
      }
      return fail(`unsupported operator "${op.word}"`);
    }
    return fail('expected an operator');
  };
  const conjunction = (): Condition => {
    let left = comparison();
    while (peek()?.t === 'word' && (peek() as { word: string }).word === 'and') {
      pos++;
      left = { kind: 'and', left, right: comparison() };
    }
    return left;
  };
  const disjunction = (): Condition => {
    let left = conjunction();
    while (peek()?.t === 'word' && (peek() as { word: string }).word === 'or') {
      pos++;
      left = { kind: 'or', left, right: conjunction() };
    }
    return left;
  };
  if (tokens.length === 0) fail('empty condition');
  const cond = disjunction();
  if (pos !== tokens.length) fail('unexpected text after the condition');
  return cond;
}

/** The question names a condition reads. */
export function conditionNames(c: Condition, out: string[] = []): string[] {
  if (c.kind === 'and' || c.kind === 'or') {
    conditionNames(c.left, out);
    conditionNames(c.right, out);
    return out;
  }
  out.push((c as Exclude<Condition, { kind: 'and' | 'or' }>).name);
  return out;
}

const isConvertibleToNumber = (v: unknown): boolean =>
  v !== undefined && v !== null && !Array.isArray(v) && typeof v !== 'object' && !Number.isNaN(Number(v));

/** survey-core's Helpers.checkIfValuesEqual with its comparator defaults. */
export function valuesEqual(x: unknown, y: unknown, ignoreOrder = true): boolean {
  if (x === y) return true;
  if (Array.isArray(x) && x.length === 0 && y === undefined) return true;
  if (Array.isArray(y) && y.length === 0 && x === undefined) return true;
  if ((x === undefined || x === null) && y === '') return true;
  if ((y === undefined || y === null) && x === '') return true;
  if (typeof x === 'string' && typeof y === 'string') return x.trim().toLowerCase() === y.trim().toLowerCase();
  if (isConvertibleToNumber(x) && isConvertibleToNumber(y)) {
    if (parseInt(String(x)) === parseInt(String(y)) && parseFloat(String(x)) === parseFloat(String(y))) return true;
  }
  if (isEmptyValue(x) !== isEmptyValue(y)) return false;
  if (typeof x === 'boolean' && typeof y === 'string') return String(x) === y.toLowerCase();
  if (typeof y === 'boolean' && typeof x === 'string') return String(y) === x.toLowerCase();
  const xObj = typeof x === 'object' && x !== null;
  const yObj = typeof y === 'object' && y !== null;
  // survey-core compares the remaining scalars loosely (3 == '3', true == 1)
  if (!xObj && !yObj) return x == y;
  if (!xObj || !yObj) return false;
  if (Array.isArray(x) && Array.isArray(y)) {
    if (x.length !== y.length) return false;
    const xs = ignoreOrder ? [...x].sort() : x;
    const ys = ignoreOrder ? [...y].sort() : y;
    return xs.every((v, i) => valuesEqual(v, ys[i], ignoreOrder));
  }
  if (Array.isArray(x) || Array.isArray(y)) return false;
  const xo = x as Record<string, unknown>;
  const yo = y as Record<string, unknown>;
  for (const k of Object.keys(xo)) if (!(k in yo) || !valuesEqual(xo[k], yo[k], ignoreOrder)) return false;
  for (const k of Object.keys(yo)) if (!(k in xo)) return false;
  return true;
}

/** survey-core's `contains`: substring for text, membership for arrays. */
function contains(left: unknown, right: unknown): boolean {
  if (Array.isArray(left) && left.length === 0) return false;
  if (!left && left !== 0 && left !== false) return false;
  let l: unknown = left;
  if (!(l as { length?: number }).length) l = String(l);
  if (typeof l === 'string') {
    if (!right) return false;
    return l.toLowerCase().includes(String(right).toLowerCase());
  }
  if (Array.isArray(l)) return l.some((item) => valuesEqual(item, right));
  return false;
}

function anyOf(left: unknown, right: Literal[]): boolean {
  if (isEmptyValue(left)) return false;
  if (right.length === 0) return true;
  if (!Array.isArray(left)) return contains(right, left);
  return right.some((r) => contains(left, r));
}

export type Values = Record<string, unknown>;

export function evaluate(c: Condition, values: Values): boolean {
  switch (c.kind) {
    case 'and': return evaluate(c.left, values) && evaluate(c.right, values);
    case 'or': return evaluate(c.left, values) || evaluate(c.right, values);
    case 'test': return c.op === 'empty' ? isEmptyValue(values[c.name]) : !isEmptyValue(values[c.name]);
    case 'anyof': return anyOf(values[c.name], c.values);
    case 'compare': {
      const v = values[c.name];
      if (c.op === 'contains') return contains(v, c.value);
      const eq = valuesEqual(v, c.value);
      return c.op === '=' ? eq : !eq;
    }
  }
}

/** Compiles a condition once into a predicate over the answers. */
export function compileCondition(src: string): (values: Values) => boolean {
  const cond = parseCondition(src);
  return (values) => evaluate(cond, values);
}
