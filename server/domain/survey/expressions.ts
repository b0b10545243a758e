// The small subset of SurveyJS conditions the server understands:
//   {q} = 'v'   {q} != 'v'   {q} > 5   {q} < 5   {q} >= 5   {q} <= 5
//   {q} notempty   {q} empty   {q} contains 'v'   {q} notcontains 'v'
//   {q} anyof ['a', 'b']   {q} noneof [...]   {q} allof [...]
// (the word forms equal, notequal, greater, less, greaterorequal, lessorequal
// too), combined with `and` / `or` and parentheses.
// Values compare as survey-core compares them (Helpers.checkIfValuesEqual:
// strings trimmed and case-insensitive, numbers and numeric strings alike,
// arrays ignoring order; > and < as JavaScript compares the values after
// survey-core's conversion of numeric and boolean strings), so the server
// shows and hides exactly what the SurveyJS browser form does.

import { isEmptyValue } from './definition';

export type Literal = string | number | boolean;

export type CompareOp = '=' | '!=' | '>' | '<' | '>=' | '<=' | 'contains' | 'notcontains';
export type ListOp = 'anyof' | 'noneof' | 'allof';

export type Condition =
  | { kind: 'and' | 'or'; left: Condition; right: Condition }
  | { kind: 'compare'; op: CompareOp; name: string; value: Literal }
  | { kind: 'test'; op: 'empty' | 'notempty'; name: string }
  | { kind: 'anyof'; op: ListOp; name: string; values: Literal[] };

/** Operators written as symbols, and their word forms. */
const SYMBOLS: Record<string, CompareOp> = { '=': '=', '==': '=', '!=': '!=', '<>': '!=', '>': '>', '<': '<', '>=': '>=', '<=': '<=', '=>': '>=', '=<': '<=' };
const WORDS: Record<string, CompareOp> = {
  equal: '=', notequal: '!=', greater: '>', less: '<', greaterorequal: '>=', lessorequal: '<=', contains: 'contains', notcontains: 'notcontains',
};
const LIST_WORDS = new Set<string>(['anyof', 'noneof', 'allof']);

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
    const two = src.slice(i, i + 2);
    if (two in SYMBOLS) { out.push({ t: 'op', op: two }); i += 2; continue; }
    if (c === '=' || c === '>' || c === '<') { out.push({ t: 'op', op: c }); i++; continue; }
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
    if (op?.t === 'op') return { kind: 'compare', op: SYMBOLS[op.op]!, name: tok.name, value: literal() };
    if (op?.t === 'word') {
      if (op.word === 'empty' || op.word === 'notempty') return { kind: 'test', op: op.word, name: tok.name };
      const word = WORDS[op.word];
      if (word) return { kind: 'compare', op: word, name: tok.name, value: literal() };
      if (LIST_WORDS.has(op.word)) {
        const open = tokens[pos++];
        if (!(open?.t === 'punct' && open.p === '[')) fail(`expected [ after ${op.word}`);
        const values: Literal[] = [];
        for (;;) {
          values.push(literal());
          const sep = tokens[pos++];
          if (sep?.t === 'punct' && sep.p === ',') continue;
          if (sep?.t === 'punct' && sep.p === ']') break;
          fail('expected , or ]');
        }
        return { kind: 'anyof', op: op.word as ListOp, name: tok.name, values };
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

/** survey-core's containsCore: substring for text, membership for arrays; `found` false gives notcontains. */
function containsCore(left: unknown, right: unknown, found: boolean): boolean {
  if (Array.isArray(left) && left.length === 0) return !found;
  if (!left && left !== 0 && left !== false) return false;
  let l: unknown = left;
  if (!(l as { length?: number }).length) l = String(l);
  if (typeof l === 'string') {
    if (!right) return false;
    return l.toLowerCase().includes(String(right).toLowerCase()) === found;
  }
  if (Array.isArray(l)) {
    for (const r of Array.isArray(right) ? right : [right]) {
      if (!l.some((item) => valuesEqual(item, r))) return !found;
    }
    return found;
  }
  return false;
}

const contains = (left: unknown, right: unknown) => containsCore(left, right, true);

function anyOf(left: unknown, right: Literal[]): boolean {
  if (isEmptyValue(left)) return false;
  if (right.length === 0) return true;
  if (!Array.isArray(left)) return contains(right, left);
  return right.some((r) => contains(left, r));
}

function allOf(left: unknown, right: Literal[]): boolean {
  if (!left && right.length > 0) return false;
  return right.every((r) => contains(left, r));
}

/** survey-core's Helpers.getNumberCore, for the strings it reads as numbers. */
function numberOf(s: string): number {
  let v = s.trim();
  if (!v) return NaN;
  if (v.startsWith('0x')) return v.length > 32 ? NaN : parseInt(v);
  if (v.length > 15 && /^\d+$/.test(v)) return NaN;
  if (!(v.lastIndexOf('-') > 0 || v.lastIndexOf('+') > 0) && /[*^/%]/.test(v)) return NaN;
  const comma = v.indexOf(',');
  if (comma > -1 && v.indexOf(',', comma + 1) < 0) v = v.replace(',', '.');
  const n = parseFloat(v);
  return Number.isNaN(n) || !Number.isFinite(Number(v)) ? NaN : n;
}

/** survey-core's Const.getCorrectValue: the value an operand has once booleans and numbers written as text are read. */
export function operandValue(v: unknown): unknown {
  if (!v || typeof v !== 'string') return v;
  const lower = v.toLowerCase();
  if (lower === 'true' || lower === 'false') return lower === 'true';
  if (v.length > 1 && (v[0] === "'" || v[0] === '"') && (v.at(-1) === "'" || v.at(-1) === '"')) return v.slice(1, -1);
  const n = numberOf(v);
  if (Number.isNaN(n)) return v;
  if (v[0] === '0' && !v.startsWith('0x')) {
    const point = v.length > 1 && (v[1] === '.' || v[1] === ',');
    if ((!point && v.length > 1) || (point && v.length < 2)) return v;
  }
  return n;
}

/** survey-core's greater / less: false when either side is missing, else JavaScript's comparison. */
function order(l: unknown, r: unknown, op: '>' | '<'): boolean {
  if (l === undefined || l === null || r === undefined || r === null) return false;
  const a = l as number;
  const b = r as number;
  return op === '>' ? a > b : a < b;
}

export type Values = Record<string, unknown>;

export function evaluate(c: Condition, values: Values): boolean {
  switch (c.kind) {
    case 'and': return evaluate(c.left, values) && evaluate(c.right, values);
    case 'or': return evaluate(c.left, values) || evaluate(c.right, values);
    case 'test': return c.op === 'empty' ? isEmptyValue(values[c.name]) : !isEmptyValue(values[c.name]);
    case 'anyof': {
      const v = values[c.name];
      if (c.op === 'allof') return allOf(v, c.values);
      return anyOf(v, c.values) === (c.op === 'anyof');
    }
    case 'compare': {
      const v = values[c.name];
      switch (c.op) {
        case 'contains': return contains(v, c.value);
        case 'notcontains': return (!v && !isEmptyValue(c.value)) || containsCore(v, c.value, false);
        case '=': return valuesEqual(v, c.value);
        case '!=': return !valuesEqual(v, c.value);
        default: {
          const l = operandValue(v);
          const r = operandValue(c.value);
          const strict = c.op === '>' || c.op === '<';
          if (!strict && valuesEqual(l, r)) return true;
          return order(l, r, c.op.charAt(0) as '>' | '<');
        }
      }
    }
  }
}

/** Compiles a condition once into a predicate over the answers. */
export function compileCondition(src: string): (values: Values) => boolean {
  const cond = parseCondition(src);
  return (values) => evaluate(cond, values);
}
