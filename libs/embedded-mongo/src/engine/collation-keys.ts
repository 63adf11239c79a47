/**
 * Index keys of an index with a collation. JavaScript's ICU binding compares strings but exposes no sort
 * keys, so an index stores a *collation key* built from ICU's own judgements: every character is replaced by
 * the first character of its class of characters ICU finds equal at the primary level (case and accents
 * folded, ignorable characters dropped, for the index's locale), with the expansions ICU equates (ß = ss,
 * æ = ae, œ = oe; Danish/Norwegian aa = å) and numeric digit runs without leading zeros. Strings that are
 * equal under the collation therefore share one key, so an equality (or `$in`) scan of the index returns
 * every match; the filter re-checks each candidate with the full collation, and unique checks compare the
 * stored original values with it. The keys' byte order is not ICU's order, so string range bounds and sorts
 * are not answered from a collated index (see planner-collation.ts).
 */
import type { Collation } from './collation';
import { bcp47 } from './collation';

type Folder = (s: string) => string;

const folders = new Map<string, Folder>();

/** Single characters that expand to two at the primary level in ICU's root collation. */
const EXPANSIONS: Array<[string, string]> = [
  ['ß', 'ss'],
  ['ẞ', 'ss'],
  ['æ', 'ae'],
  ['Æ', 'ae'],
  ['œ', 'oe'],
  ['Œ', 'oe'],
];

/** Primary-level class representative of every BMP character, for one locale. */
function buildTable(tag: string, ignorePunctuation: boolean): Map<string, string> {
  const primary = new Intl.Collator(tag, { sensitivity: 'base', ignorePunctuation });
  const chars: string[] = [];
  for (let c = 0x1; c < 0x10000; c++) if (c < 0xd800 || c >= 0xe000) chars.push(String.fromCharCode(c));
  chars.sort(primary.compare);
  const table = new Map<string, string>();
  let rep = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (primary.compare(ch, '') === 0) {
      table.set(ch, ''); // ignorable at the primary level (controls, marks; punctuation when shifted)
      continue;
    }
    if (i === 0 || rep === '' || primary.compare(chars[i - 1], ch) !== 0) rep = ch;
    table.set(ch, rep);
  }
  for (const [ch, exp] of EXPANSIONS)
    if (primary.compare(ch, exp) === 0) table.set(ch, [...exp].map((x) => table.get(x) ?? x).join(''));
  return table;
}

/** The key folding of a collation: collation-equal strings fold to the same string. */
export function collationFolder(c: Collation): Folder {
  const tag = bcp47(c.locale) as string;
  const shifted = c.alternate === 'shifted';
  const id = `${tag}|${shifted}|${c.numericOrdering}`;
  const cached = folders.get(id);
  if (cached) return cached;
  const table = buildTable(tag, shifted);
  const primary = new Intl.Collator(tag, { sensitivity: 'base' });
  const aa = primary.compare('aa', 'å') === 0 ? (table.get('å') ?? 'å') : null;
  const fold: Folder = (s) => {
    let src = s.normalize('NFC');
    if (shifted) src = src.replace(/\p{White_Space}/gu, '');
    if (aa) src = src.replace(/aa/gi, 'å');
    if (c.numericOrdering) src = src.replace(/\d+/g, (d) => d.replace(/^0+(?=\d)/, ''));
    let out = '';
    for (const ch of src) out += ch.length === 1 ? (table.get(ch) ?? ch) : ch;
    return out;
  };
  folders.set(id, fold);
  return fold;
}

/** An index key value with every string (also inside objects and arrays) folded. */
export function foldValue(v: unknown, fold: Folder): unknown {
  if (typeof v === 'string') return fold(v);
  if (Array.isArray(v)) return v.map((e) => foldValue(e, fold));
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = foldValue(x, fold);
    return out;
  }
  return v;
}

/** Whether a value is or holds a string (its index bounds depend on the collation). */
export function holdsString(v: unknown): boolean {
  if (typeof v === 'string') return true;
  if ((v as { _bsontype?: string } | null)?._bsontype === 'BSONSymbol') return true;
  if (Array.isArray(v)) return v.some(holdsString);
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
    return Object.values(v).some(holdsString);
  return false;
}
