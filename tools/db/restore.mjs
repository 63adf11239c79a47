#!/usr/bin/env node
// Restores a dump written by tools/db/dump.mjs (db:backup / db:export) into an empty database.
//   node tools/db/restore.mjs --from DIR --uri URI [--db NAME]
// Refuses a target collection that already holds documents; creates the indexes after the documents.
import { createReadStream, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { EJSON } from 'bson';
import { MongoClient } from 'mongodb';
import { parseArgs, resolveUri } from './db-args.mjs';

const BATCH = 500;
const args = parseArgs(process.argv.slice(2), ['from', 'uri', 'db']);
if (!args.from) {
  console.error('usage: restore --from DIR [--uri mongodb://...] [--db cloudvault]');
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(join(args.from, 'manifest.json'), 'utf8'));
const source = join(args.from, manifest.database);
const client = await MongoClient.connect(resolveUri(args), { serverSelectionTimeoutMS: 5000 });
try {
  const db = client.db(args.db ?? manifest.database);
  const names = readdirSync(source)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.indexes.json'))
    .map((f) => f.slice(0, -'.json'.length));
  for (const name of names)
    if (await db.collection(name).findOne({}))
      throw new Error(`collection ${name} of ${db.databaseName} is not empty: restore into an empty database`);
  for (const name of names) {
    const coll = db.collection(name);
    await db.createCollection(name).catch(() => undefined); // kept when it has no documents
    const batch = [];
    const lines = createInterface({ input: createReadStream(join(source, `${name}.json`)), crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line) continue;
      batch.push(EJSON.parse(line, { relaxed: false }));
      if (batch.length === BATCH) await coll.insertMany(batch.splice(0));
    }
    if (batch.length) await coll.insertMany(batch);
    const indexes = EJSON.parse(readFileSync(join(source, `${name}.indexes.json`), 'utf8'), { relaxed: false });
    for (const spec of indexes) {
      const { key, name: indexName, ...options } = spec;
      delete options.v; // the server's own fields, not options
      delete options.ns;
      await coll.createIndex(key, { name: indexName, ...options });
    }
  }
  console.log(`restored ${names.length} collections into ${db.databaseName}`);
} finally {
  await client.close();
}
