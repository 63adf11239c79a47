/** Test support: an in-memory server plus a connected official driver client. */
import { MongoClient, type Collection, type Db } from 'mongodb';
import { EmbeddedMongoServer, type EmbeddedMongoOptions } from '../server';

/** Test documents are schemaless: any field, any _id type (the driver's typings otherwise pin _id to ObjectId). */
export interface LooseDoc {
  _id?: number | string | object | null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  [key: string]: any;
}

export interface Harness {
  server: EmbeddedMongoServer;
  client: MongoClient;
  db: Db;
  /** a collection whose documents may use any _id type */
  coll(name: string, dbName?: string): Collection<LooseDoc>;
  /** a collection name not used before in this harness */
  freshName(): string;
  /** a new collection holding copies of `docs` */
  load(docs: LooseDoc[]): Promise<Collection<LooseDoc>>;
  close(): Promise<void>;
}

export async function startHarness(dbName = 'test', options: EmbeddedMongoOptions = {}): Promise<Harness> {
  const server = await EmbeddedMongoServer.start({ inMemory: true, ...options });
  const client = await MongoClient.connect(`${server.uri}/${dbName}`, { serverSelectionTimeoutMS: 5000 });
  let seq = 0;
  const coll = (name: string, other?: string) => client.db(other ?? dbName).collection<LooseDoc>(name);
  const freshName = () => `c${seq++}`;
  return {
    server,
    client,
    db: client.db(dbName),
    coll,
    freshName,
    async load(docs) {
      const c = coll(freshName());
      if (docs.length) await c.insertMany(docs.map((d) => ({ ...d })));
      return c;
    },
    async close() {
      await client.close();
      await server.stop();
    },
  };
}
