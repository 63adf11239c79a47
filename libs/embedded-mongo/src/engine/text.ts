/**
 * `$text` search over a collection's text index: English tokenisation with stop words and a light
 * suffix stemmer, phrases ("...") and negations (-term), and a relevance score for {$meta:"textScore"}.
 */
import { getPath, isDocument } from '../bson/paths';
import { fail } from './errors';
import type { Doc, IndexSpec } from './index-store';

const STOP = new Set(
  'a about above after again against all am an and any are as at be because been before being below between both but by can did do does doing down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why will with you your yours yourself yourselves'.split(
    ' ',
  ),
);

/** A light English stemmer (plural, -ing, -ed, -ly, final -e), applied alike to documents and queries. */
export function stem(w: string): string {
  if (w.length <= 3) return w;
  let out = w;
  for (const [suf, rep] of [
    ['ies', 'y'],
    ['sses', 'ss'],
    ['ing', ''],
    ['edly', ''],
    ['ed', ''],
    ['ly', ''],
    ['es', ''],
    ['s', ''],
  ] as const) {
    if (w.endsWith(suf) && w.length - suf.length >= 3 && !(suf === 's' && w.endsWith('ss'))) {
      out = w.slice(0, w.length - suf.length) + rep;
      break;
    }
  }
  return out.length > 4 && out.endsWith('e') ? out.slice(0, -1) : out;
}

export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t && !STOP.has(t))
    .map(stem);
}

export interface TextQuery {
  terms: string[];
  phrases: string[];
  negated: string[];
  caseSensitive: boolean;
}

export function parseTextQuery(spec: unknown): TextQuery {
  if (!isDocument(spec) || typeof spec.$search !== 'string') return fail(2, '$text requires a $search string');
  const search = spec.$search;
  const phrases: string[] = [];
  const negated: string[] = [];
  const stripped = search.replace(/(-?)"([^"]*)"/g, (_, neg: string, p: string) => {
    if (!neg) phrases.push(p);
    return ' ';
  });
  const terms: string[] = [];
  for (const raw of stripped.split(/\s+/).filter(Boolean)) {
    if (raw.startsWith('-')) negated.push(...tokenize(raw.slice(1)));
    else terms.push(...tokenize(raw));
  }
  for (const p of phrases) terms.push(...tokenize(p));
  return { terms: [...new Set(terms)], phrases, negated, caseSensitive: spec.$caseSensitive === true };
}

function fieldTexts(doc: Doc, spec: IndexSpec): Array<[string, number]> {
  const weights = spec.weights ?? {};
  const out: Array<[string, number]> = [];
  const collect = (v: unknown, w: number): void => {
    if (typeof v === 'string') out.push([v, w]);
    else if (Array.isArray(v)) v.forEach((x) => collect(x, w));
    else if (isDocument(v) && '$**' in weights) Object.values(v).forEach((x) => collect(x, w));
  };
  for (const [field, w] of Object.entries(weights)) {
    if (field === '$**') Object.entries(doc).forEach(([k, v]) => k !== '_id' && !(k in weights) && collect(v, w));
    else collect(getPath(doc, field), w);
  }
  return out;
}

/** Score of `doc` for the query, or 0 when it does not match. */
export function textScore(doc: Doc, spec: IndexSpec, q: TextQuery): number {
  const texts = fieldTexts(doc, spec);
  if (!texts.length) return 0;
  const all = texts.map(([t]) => t).join('\n');
  for (const p of q.phrases) {
    if (q.caseSensitive ? !all.includes(p) : !all.toLowerCase().includes(p.toLowerCase())) return 0;
  }
  let score = 0;
  const tokensAll = new Set<string>();
  for (const [text, weight] of texts) {
    const tokens = tokenize(text);
    tokens.forEach((t) => tokensAll.add(t));
    const counts = new Map<string, number>();
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const term of q.terms) {
      const n = counts.get(term) ?? 0;
      if (n)
        score += weight * (1 - 0.5 / (n + (0.5 * tokens.length) / Math.max(tokens.length, 1))) * (1 + (n - 1) * 0.5);
    }
  }
  if (q.negated.some((t) => tokensAll.has(t))) return 0;
  return q.terms.some((t) => tokensAll.has(t)) ? score : 0;
}

/** Normalises a createIndexes text key into mongod's stored form. */
export function normaliseTextIndex(spec: IndexSpec): IndexSpec {
  const key = spec.key;
  if (!Object.values(key).includes('text')) return spec;
  const weights: Record<string, number> = {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(key)) {
    if (v === 'text') weights[k] = 1;
    else out[k] = v;
  }
  for (const [k, w] of Object.entries((spec.weights as Record<string, number>) ?? {})) weights[k] = Number(w);
  const sortedWeights: Record<string, number> = {};
  for (const k of Object.keys(weights).sort()) sortedWeights[k] = weights[k];
  return {
    ...spec,
    key: { _fts: 'text', _ftsx: 1, ...out },
    weights: sortedWeights,
    default_language: spec.default_language ?? 'english',
    language_override: spec.language_override ?? 'language',
    textIndexVersion: 3,
  };
}
