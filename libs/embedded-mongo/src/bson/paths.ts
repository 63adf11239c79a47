/**
 * Dotted-path resolution with MongoDB's array semantics.
 * - `a.b` descends into every document element of an array `a`.
 * - A numeric component indexes an array (`a.0.b`).
 * - At the leaf, an array contributes itself and each of its elements.
 */
import { TypeClass, typeClass } from './compare';

export interface PathValues {
  values: unknown[];
  /** true when at least one branch of the path does not exist (matches `null`). */
  missing: boolean;
}

export function isDocument(v: unknown): v is Record<string, unknown> {
  return typeClass(v) === TypeClass.Object;
}

const NUMERIC = /^\d+$/;

export function pathValues(doc: unknown, path: string, expandLeafArrays = true): PathValues {
  const out: PathValues = { values: [], missing: false };
  walk(doc, path.split('.'), 0, out, expandLeafArrays);
  return out;
}

function walk(val: unknown, parts: string[], i: number, out: PathValues, expand: boolean): void {
  if (i === parts.length) {
    if (val === undefined) {
      out.missing = true;
      return;
    }
    out.values.push(val);
    if (expand && Array.isArray(val)) for (const e of val) out.values.push(e);
    return;
  }
  const part = parts[i];
  if (Array.isArray(val)) {
    let found = false;
    if (NUMERIC.test(part)) {
      const idx = Number(part);
      if (idx < val.length) {
        found = true;
        walk(val[idx], parts, i + 1, out, expand);
      }
    }
    for (const e of val) {
      if (isDocument(e)) {
        if (part in e) found = true;
        else out.missing = true;
        if (part in e) walk(e[part], parts, i + 1, out, expand);
      } else if (Array.isArray(e)) {
        // nested arrays are not descended into by field names (MongoDB behaviour)
      }
    }
    if (!found) out.missing = true;
    return;
  }
  if (isDocument(val)) {
    if (Object.prototype.hasOwnProperty.call(val, part)) walk(val[part], parts, i + 1, out, expand);
    else out.missing = true;
    return;
  }
  out.missing = true;
}

/** Plain get without array fan-out (returns undefined when a component is missing). */
export function getPath(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split('.')) {
    if (Array.isArray(cur) && NUMERIC.test(part)) cur = cur[Number(part)];
    else if (isDocument(cur)) cur = cur[part];
    else return undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** Sets a dotted path, creating intermediate documents. */
export function setPath(doc: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let cur: Record<string, unknown> = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = cur[parts[i]];
    if (isDocument(next) || Array.isArray(next)) cur = next as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      cur[parts[i]] = created;
      cur = created;
    }
  }
  cur[parts[parts.length - 1]] = value;
}

/** Value used to sort a document by `path` (array fan-out collected, min for asc, max for desc). */
export function sortValue(doc: unknown, path: string): unknown {
  const pv = pathValues(doc, path, false);
  const flat: unknown[] = [];
  for (const v of pv.values) {
    if (Array.isArray(v)) flat.push(...v);
    else flat.push(v);
  }
  if (flat.length === 0) return pv.values.length ? [] : null;
  if (flat.length === 1 && pv.values.length === 1 && !Array.isArray(pv.values[0])) return flat[0];
  if (pv.missing) flat.push(null);
  return flat;
}

/** Deep copy of plain documents and arrays; BSON value objects are immutable and shared. */
export function cloneDoc<T>(v: T): T {
  if (Array.isArray(v)) return v.map(cloneDoc) as unknown as T;
  if (v instanceof Date) return new Date(v.getTime()) as unknown as T;
  if (isDocument(v)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      const x = cloneDoc((v as Record<string, unknown>)[k]);
      // a field literally named __proto__ must stay a field, never become the prototype
      if (k === '__proto__')
        Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
      else out[k] = x;
    }
    return out as T;
  }
  return v;
}
