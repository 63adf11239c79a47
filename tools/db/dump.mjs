#!/usr/bin/env node
// Online backup / export of a CloudVault database through the MongoDB wire protocol (the official driver),
// so it works on the embedded database (either engine) and on MongoDB/Atlas alike, while the API runs.
//   node tools/db/dump.mjs --out DIR [--uri URI] [--db NAME]
// Writes DIR/<db>/<collection>.json (one canonical Extended JSON document per line: `mongoimport` reads it)
// and DIR/<db>/<collection>.indexes.json, plus DIR/manifest.json. Each collection is read in _id order
// with a cursor; every write acknowledged before the dump started is in it (no cross-collection snapshot).
// The URI: --uri, else MONGO_URI, else the embedded database of DATA_DIR (default ./data), which the API
// publishes in DATA_DIR/embedded-mongo.uri while it runs.
import { once } from 'node:events';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EJSON } from 'bson';
import { MongoClient } from 'mongodb';
import { parseArgs, resolveUri } from './db-args.mjs';

const args = parseArgs(process.argv.slice(2), ['out', 'uri', 'db']);
if (!args.out) {
  console.error('usage: dump --out DIR [--uri mongodb://...] [--db cloudvault]');
  process.exit(2);
}
const client = await MongoClient.connect(resolveUri(args), { serverSelectionTimeoutMS: 5000 });
try {
  const db = client.db(args.db);
  const dir = join(args.out, db.databaseName);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const manifest = { database: db.databaseName, startedAt: new Date().toISOString(), collections: {} };
  const collections = await db.listCollections({ type: 'collection' }, { nameOnly: true }).toArray();
  for (const { name } of collections.sort((a, b) => a.name.localeCompare(b.name))) {
    const coll = db.collection(name);
    const out = createWriteStream(join(dir, `${name}.json`), { mode: 0o600 });
    let count = 0;
    for await (const doc of coll.find({}, { sort: { _id: 1 } })) {
      if (!out.write(`${EJSON.stringify(doc, { relaxed: false })}\n`)) await once(out, 'drain');
      count += 1;
    }
    out.end();
    await once(out, 'finish');
    const indexes = (await coll.listIndexes().toArray()).filter((i) => i.name !== '_id_');
    writeFileSync(join(dir, `${name}.indexes.json`), EJSON.stringify(indexes, undefined, 2, { relaxed: false }), {
      mode: 0o600,
    });
    manifest.collections[name] = { documents: count, indexes: indexes.length };
  }
  manifest.finishedAt = new Date().toISOString();
  writeFileSync(join(args.out, 'manifest.json'), JSON.stringify(manifest, null, 2), { mode: 0o600 });
  console.log(`dumped ${collections.length} collections of ${db.databaseName} to ${dir}`);
} finally {
  await client.close();
}
