import { type Connection, mongo } from 'mongoose';

/** Collections whose growth is expected from anyone's requests (the audit trail records the fuzzer's own calls). */
const SKIPPED = new Set(['audit_events']);

/**
 * Every stored document that belongs to the victims, read straight from the database: documents that mention
 * the victim patient anywhere (their records, consultations, notes, files, summaries), and the victim doctor's
 * own account documents. Compared before and after an attack, it proves nothing of theirs changed.
 */
export async function victimSnapshot(
  conn: Connection,
  victimPatientId: string,
  victimDoctorId: string,
): Promise<Record<string, string[]>> {
  const db = conn.db;
  if (!db) throw new Error('no database connection');
  const out: Record<string, string[]> = {};
  const names = (await db.listCollections({}, { nameOnly: true }).toArray())
    .map((c) => c.name)
    .filter((n) => !SKIPPED.has(n))
    .sort();
  for (const name of names) {
    const docs = await db.collection(name).find({}).toArray();
    out[name] = docs
      .map((d) => mongo.BSON.EJSON.stringify(d, { relaxed: false }))
      .filter((text) => text.includes(victimPatientId) || isDoctorsOwn(text, victimDoctorId))
      .sort();
  }
  return out;
}

function isDoctorsOwn(text: string, doctorId: string): boolean {
  return text.startsWith(`{"_id":{"$oid":"${doctorId}"}`) || text.includes(`"userId":{"$oid":"${doctorId}"}`);
}
