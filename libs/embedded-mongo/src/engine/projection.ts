/**
 * find projections: mingo's projection plus MongoDB rules mingo lacks — a projection of only `$slice`
 * is an exclusion projection, mixing inclusion and exclusion is error 31254, `{$meta:"textScore"}`.
 */
import { cloneDoc, getPath, isDocument, setPath } from '../bson/paths';
import { fail, toFailure } from './errors';
import type { Doc } from './index-store';
import { newQuery } from './mingo';

export type Projector = (doc: Doc, textScore?: number) => Doc;

/** `filter` is the query, needed by the positional `field.$` projection. */
export function compileProjection(projection: Doc | undefined | null, filter: Doc = {}): Projector {
  if (!projection || Object.keys(projection).length === 0) return (d) => d;
  const metaFields: string[] = [];
  const slices: Array<[string, unknown]> = [];
  const rest: Doc = {};
  let include = false;
  let exclude = false;
  let first: 'include' | 'exclude' | undefined; // the first field decides the projection's kind
  for (const [k, v] of Object.entries(projection)) {
    if (isDocument(v) && v.$meta !== undefined) {
      if (v.$meta !== 'textScore') fail(17308, `Unsupported $meta operator: ${String(v.$meta)}`);
      metaFields.push(k);
      continue;
    }
    if (isDocument(v) && '$slice' in v && Object.keys(v).length === 1) {
      slices.push([k, v.$slice]);
      continue;
    }
    rest[k] = v;
    if (k === '_id') continue;
    if (v === 0 || v === false) {
      if (include && first === 'include') fail(31254, `Cannot do exclusion on field ${k} in inclusion projection`);
      exclude = true;
      first ??= 'exclude';
    } else {
      if (exclude && first === 'exclude') fail(31253, `Cannot do inclusion on field ${k} in exclusion projection`);
      include = true;
      first ??= 'include';
    }
  }
  // `{_id: 1}` alone is an inclusion projection: only _id comes back
  if (!include && !exclude && '_id' in rest && rest._id !== 0 && rest._id !== false) include = true;
  let base: (d: Doc) => Doc;
  const fields = include && !slices.length ? topLevelFields(rest) : null;
  if (fields) base = (d) => pickFields(d, fields);
  else if (include) {
    const { $text: _text, ...condition } = filter;
    void _text;
    const q = newQuery(Object.keys(projection).some((k) => k.endsWith('.$')) ? condition : {});
    const spec = { ...rest };
    for (const [k, s] of slices) spec[k] = { $slice: s };
    base = (d) => {
      try {
        return orderLike(d, q.find([d], spec).all()[0] as Doc);
      } catch (e) {
        throw toFailure(e);
      }
    };
  } else {
    // exclusion (or slice-only): copy, drop excluded paths, slice arrays
    base = (d) => {
      const out = cloneDoc(d);
      for (const [k, v] of Object.entries(rest)) if (v === 0 || v === false) unsetPath(out, k);
      for (const [k, s] of slices) {
        const arr = getPath(out, k);
        if (Array.isArray(arr)) setPath(out, k, sliceArray(arr, s));
      }
      return out;
    };
  }
  if (!metaFields.length) return base;
  return (d, score) => {
    const out = base(d);
    for (const f of metaFields) out[f] = score ?? 0;
    return out;
  };
}

/**
 * The fields of an inclusion projection that only names top-level fields (`{a: 1, b: true, _id: 0}`), with
 * `_id` unless excluded; null for anything else (paths, expressions, positional), which goes through mingo.
 */
function topLevelFields(spec: Doc): Set<string> | null {
  const fields = new Set<string>(['_id']);
  for (const [k, v] of Object.entries(spec)) {
    if (!k || k.includes('.') || k.startsWith('$')) return null;
    if (k === '_id' && (v === 0 || v === false)) fields.delete('_id');
    else if (v === 1 || v === true) fields.add(k);
    else return null;
  }
  return fields;
}

/**
 * The named top-level fields of `d`, in the document's order (what mingo's projection yields for them). The
 * values are shared, not copied, as a find without projection returns `d` itself: documents are decoded
 * afresh on every read.
 */
function pickFields(d: Doc, fields: Set<string>): Doc {
  const out: Doc = {};
  for (const k of Object.keys(d)) {
    if (!fields.has(k)) continue;
    const v = d[k];
    if (k === '__proto__')
      Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out;
}

function sliceArray(arr: unknown[], s: unknown): unknown[] {
  if (typeof s === 'number') return s >= 0 ? arr.slice(0, s) : arr.slice(s);
  if (Array.isArray(s)) {
    const [skip, n] = s as number[];
    const start = skip < 0 ? Math.max(arr.length + skip, 0) : skip;
    return arr.slice(start, start + n);
  }
  return fail(2, '$slice only supports numbers and [skip, limit] arrays');
}

function unsetPath(doc: Doc, path: string): void {
  const parts = path.split('.');
  const visit = (cur: unknown, i: number): void => {
    if (Array.isArray(cur)) return cur.forEach((e) => visit(e, i));
    if (!isDocument(cur)) return;
    if (i === parts.length - 1) delete cur[parts[i]];
    else visit(cur[parts[i]], i + 1);
  };
  visit(doc, 0);
}

/** Keeps the source document's top-level field order (mingo moves _id last). */
export function orderLike(src: Doc, projected: Doc): Doc {
  const out: Doc = {};
  for (const k of Object.keys(src)) if (k in projected) out[k] = projected[k];
  for (const k of Object.keys(projected)) if (!(k in out)) out[k] = projected[k];
  return out;
}
