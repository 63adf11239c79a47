import fc from 'fast-check';
import type { DocumentedOperation } from '../../support/routes';

/** A request the fuzzer sends: a path with its ids filled, a query string, and a body (JSON text or multipart). */
export interface FuzzRequest {
  path: string;
  query: string;
  /** Raw JSON text (may be malformed on purpose) or undefined for no body. */
  json?: string;
  multipart?: { fields: Record<string, string>; file?: { name: string; bytes: Buffer } };
}

/** Documented parts of one OpenAPI operation the fuzzer aims at. */
export type OperationShape = Omit<DocumentedOperation, 'key' | 'isPublic'>;

const OPERATOR_KEYS = [
  '$where',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$regex',
  '$in',
  '$nin',
  '$exists',
  '$expr',
  '$function',
  '$set',
  '$unset',
  '$or',
];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

const HUGE_ASCII = 'a'.repeat(100_000);
const HUGE_NUL = '\u0000'.repeat(50_000);
/** Over the 1 MB JSON limit once encoded (2 bytes per character): must be a 413, not a 5xx. */
const HUGE_OVER_LIMIT = 'é'.repeat(600_000);
const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const deepObject = (depth: number): unknown => (depth === 0 ? { $where: 'sleep(100)' } : { a: deepObject(depth - 1) });

/** Values an attacker puts where the API expects a field: operators, prototype keys, wrong types, extremes. */
export function hostileValue(known: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(
      { $ne: null },
      { $gt: '' },
      { $where: 'function() { return true }' },
      { $regex: '.*' },
      { $in: [null, ''] },
      { __proto__: { isAdmin: true } },
      { constructor: { prototype: { polluted: true } } },
      null,
      true,
      false,
      0,
      -1,
      1e308,
      -1e308,
      Number.MAX_SAFE_INTEGER + 2,
      5e-324,
      '',
      ' ',
      '\u0000',
      'a\u0000b',
      '\uD800',
      '\uFEFF\u202E\u200B',
      '𝕳𝖊𝖆𝖑𝖙𝖍 💉 健康',
      '<script>alert(1)</script>',
      "'; db.dropDatabase(); //",
      '../../../../etc/passwd',
      'ffffffffffffffffffffffff',
      '000000000000000000000000',
      'not-an-id',
      '2026-02-30T25:61:00Z',
      '9999-12-31T23:59:59Z',
      'NaN',
      'Infinity',
      [],
      [[[[]]]],
      {},
      deepObject(60),
    ),
    fc.constantFrom(...(known.length ? known : ['x'])),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constantFrom(HUGE_ASCII, HUGE_NUL, HUGE_OVER_LIMIT),
    fc.integer(),
    fc.double(),
    fc.array(fc.string({ maxLength: 8 }), { maxLength: 5 }),
    fc.dictionary(
      fc.constantFrom(...OPERATOR_KEYS),
      fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null)),
      { maxKeys: 2 },
    ),
  );
}

/** Keys for a body or query: the documented ones, operators, prototype keys and random ones. */
function hostileKey(documented: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...(documented.length ? documented : ['x'])) },
    { weight: 2, arbitrary: fc.constantFrom(...OPERATOR_KEYS, ...PROTO_KEYS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        ...documented.flatMap((k) => [`${k}[$ne]`, `${k}.$gt`, `${k}[__proto__]`]),
        'a[b][c][d]',
      ),
    },
  );
}

/** Path ids: malformed, valid but unknown, and the victim's and attacker's real ids. */
export function hostileId(realIds: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...realIds) },
    { weight: 1, arbitrary: fc.stringMatching(/^[0-9a-f]{24}$/) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        'not-an-id',
        '0',
        '-1',
        'ffffffffffffffffffffffffff',
        'FFFFFFFFFFFFFFFFFFFFFFFG',
        '%00',
        '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
        '%7B%22%24ne%22%3Anull%7D',
        '$where',
        '__proto__',
        'constructor',
        'a'.repeat(5000),
        '%F0%9F%92%89',
        '%C0%AF',
      ),
    },
    {
      weight: 1,
      arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map((s) => encodeURIComponent(s)),
    },
  );
}

function jsonBody(documented: string[]): fc.Arbitrary<string | undefined> {
  const obj = fc.dictionary(hostileKey(documented), hostileValue([]), { maxKeys: 6 });
  return fc.oneof(
    { weight: 6, arbitrary: obj.map((o) => JSON.stringify(o)) },
    // keys JSON.stringify would drop or that need raw text: __proto__ as an own key, duplicates
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '{"__proto__":{"role":"doctor","isAdmin":true}}',
        '{"constructor":{"prototype":{"x":1}}}',
        '{"a":1,"a":{"$gt":0}}',
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'null',
        '[]',
        '"text"',
        '42',
        'true',
        '{',
        '{"a":',
        '\u0000',
        deep(5000),
        '{"a":"\\ud800"}',
        '',
      ),
    },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

function queryString(documented: string[]): fc.Arbitrary<string> {
  const pair = fc.tuple(
    hostileKey(documented),
    fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('', '500', '501', '-1', '0', '1e9', 'null', '[object Object]', 'a'.repeat(3000)),
    ),
  );
  return fc
    .array(pair, { maxLength: 5 })
    .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));
}

/** Hostile requests for one operation. */
export function hostileRequest(op: OperationShape, realIds: string[]): fc.Arbitrary<FuzzRequest> {
  const ids = fc.tuple(...op.pathParams.map(() => hostileId(realIds)));
  const multipart = fc.record({
    fields: fc.dictionary(hostileKey(op.bodyKeys), fc.string({ maxLength: 200 }), { maxKeys: 4 }),
    file: fc.option(
      fc.record({
        name: fc.constantFrom('report.pdf', '../../evil.sh', 'a\u0000.png', '', 'x'.repeat(400), 'scan.dcm'),
        bytes: fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.from(a)),
      }),
      { nil: undefined },
    ),
  });
  return fc
    .record({
      ids,
      query: queryString(op.queryParams),
      json: op.multipart ? fc.constant(undefined) : jsonBody(op.bodyKeys),
      multipart: op.multipart ? multipart : fc.constant(undefined),
    })
    .map(({ ids: filled, query, json, multipart: mp }) => {
      let i = 0;
      const path = op.path.replace(/\{\w+\}/g, () => filled[i++] ?? '');
      return { path, query, json, multipart: mp };
    });
}
