/** Renders values the way mongod shows them in duplicate-key messages. */
import { typeClass, TypeClass } from '../bson/compare';

export function formatKeyValue(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined || typeof v === 'symbol') return 'undefined'; // an empty array's index key
  switch (typeClass(v)) {
    case TypeClass.String:
      return JSON.stringify(String(v));
    case TypeClass.Number:
    case TypeClass.Boolean:
      return String(v);
    case TypeClass.ObjectId:
      return `ObjectId('${String(v)}')`;
    case TypeClass.Date:
      return `new Date(${(v as Date).getTime()})`;
    case TypeClass.Array:
      return `[ ${(v as unknown[]).map(formatKeyValue).join(', ')} ]`;
    case TypeClass.Object:
      return `{ ${Object.entries(v as Record<string, unknown>)
        .map(([k, x]) => `${k}: ${formatKeyValue(x)}`)
        .join(', ')} }`;
    default:
      return String(v);
  }
}

/** Stable string identity of an _id value (equal by BSON value ⇔ equal string). */
export function idKey(v: unknown): string {
  switch (typeClass(v)) {
    case TypeClass.ObjectId:
      return 'o' + String(v);
    case TypeClass.String:
      return 's' + String(v);
    case TypeClass.Number: {
      const n = Number(v);
      if (Number.isSafeInteger(n) || !Number.isInteger(n)) return 'n' + String(n);
      return 'n' + String(v);
    }
    default:
      return 'x' + canonical(v);
  }
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
  const tc = typeClass(v);
  if (tc === TypeClass.Object) {
    return (
      '{' +
      Object.keys(v as object)
        .map((k) => JSON.stringify(k) + ':' + canonical((v as Record<string, unknown>)[k]))
        .join(',') +
      '}'
    );
  }
  if (tc === TypeClass.Number) return 'n' + String(Number(v));
  if (tc === TypeClass.Date) return 'd' + (v as Date).getTime();
  if (tc === TypeClass.BinData)
    return 'b' + Buffer.from((v as { buffer: Uint8Array }).buffer ?? (v as Uint8Array)).toString('hex');
  return tc + ':' + String(v);
}
