import mongoose, { Schema, type Connection } from 'mongoose';
import { EmbeddedMongoServer } from './server';

describe('integration through Mongoose 9 models', () => {
  let server: EmbeddedMongoServer;
  let conn: Connection;

  const userSchema = new Schema(
    { email: { type: String, required: true, unique: true }, name: String, roles: [String] },
    { timestamps: true },
  );
  const postSchema = new Schema({
    title: String,
    n: Number,
    author: { type: Schema.Types.ObjectId, ref: 'User' },
    tags: [String],
    comments: [{ by: String, votes: Number }],
  });
  postSchema.index({ title: 1, n: -1 }, { unique: true });
  const noteSchema = new Schema({ body: String, expiresAt: Date });
  noteSchema.index({ body: 'text' });
  noteSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
  const accountSchema = new Schema({ owner: String, balance: Number }, { optimisticConcurrency: true });

  beforeAll(async () => {
    server = await EmbeddedMongoServer.start({ inMemory: true, ttlMonitorIntervalMs: 100 });
    conn = await mongoose.createConnection(`${server.uri}/mg`).asPromise();
    conn.model('User', userSchema);
    conn.model('Post', postSchema);
    conn.model('Note', noteSchema);
    conn.model('Account', accountSchema);
    await Promise.all(Object.values(conn.models).map((m) => m.init()));
  });
  afterAll(async () => {
    await conn.close();
    await server.stop();
  });

  it('creates models (create + createIndexes) and syncIndexes is then a no-op, text index included', async () => {
    for (const m of Object.values(conn.models)) {
      expect(await m.syncIndexes()).toEqual([]);
      const diff = await m.diffIndexes();
      expect(diff.toDrop).toEqual([]);
      expect(diff.toCreate).toEqual([]);
    }
  });

  it('surfaces duplicate keys as MongoServerError 11000 with keyPattern/keyValue', async () => {
    const User = conn.model('User');
    await User.create({ email: 'a@b.c', name: 'A' });
    const err = await User.create({ email: 'a@b.c' }).catch((e) => e);
    expect(err).toMatchObject({ code: 11000, keyPattern: { email: 1 }, keyValue: { email: 'a@b.c' } });
  });

  it('compound unique index holds under concurrent Model.create calls', async () => {
    const Post = conn.model('Post');
    const results = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) => Post.create({ title: `p${i % 4}`, n: 1 })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
    expect(await Post.countDocuments({ n: 1 })).toBe(4);
  });

  it('insertMany with ordered:false inserts the rest and reports the failures', async () => {
    const User = conn.model('User');
    const err = await User.insertMany([{ email: 'm1@x' }, { email: 'a@b.c' }, { email: 'm2@x' }], {
      ordered: false,
    }).catch((e) => e);
    expect(err.code).toBe(11000);
    expect(await User.countDocuments({ email: /^m\d@x$/ })).toBe(2);
  });

  it('populate resolves ObjectId references with $in', async () => {
    const User = conn.model('User');
    const Post = conn.model('Post');
    const [u1, u2] = await User.create([
      { email: 'p1@x', name: 'P1' },
      { email: 'p2@x', name: 'P2' },
    ]);
    await Post.create([
      { title: 'x', n: 10, author: u1._id },
      { title: 'y', n: 10, author: u2._id },
      { title: 'z', n: 10, author: u1._id },
    ]);
    const posts = await Post.find({ n: 10 })
      .sort({ title: 1 })
      .populate('author')
      .lean<Array<{ title: string; author: { name: string } }>>();
    expect(posts.map((p) => `${p.title}:${p.author.name}`)).toEqual(['x:P1', 'y:P2', 'z:P1']);
    const byIds = await User.find({ _id: { $in: [u1._id, u2._id] } }).sort({ email: 1 });
    expect(byIds.map((u) => u.email)).toEqual(['p1@x', 'p2@x']);
    expect(await User.findById(u2._id.toString()).then((u) => u?.name)).toBe('P2');
  });

  it('findOneAndUpdate with upsert and new returns the created document with defaults', async () => {
    const User = conn.model('User');
    const doc = await User.findOneAndUpdate(
      { email: 'up@x' },
      { $set: { name: 'Up' } },
      { upsert: true, returnDocument: 'after' },
    );
    expect(doc).toMatchObject({ email: 'up@x', name: 'Up' });
    expect(doc.createdAt).toBeInstanceOf(Date);
    const again = await User.findOneAndUpdate(
      { email: 'up@x' },
      { $set: { name: 'Up2' } },
      { returnDocument: 'after' },
    );
    expect(again.name).toBe('Up2');
    expect(again.createdAt.getTime()).toBe(doc.createdAt.getTime());
  });

  it('doc.save() sends deltas; array changes bump __v; optimistic concurrency rejects stale saves', async () => {
    const Post = conn.model('Post');
    const p = await Post.create({ title: 'ver', n: 1, tags: ['a'], comments: [{ by: 'x', votes: 1 }] });
    p.tags.push('b');
    p.comments[0].votes = 5;
    await p.save();
    const fresh = await Post.findById(p._id).lean<{
      tags: string[];
      comments: Array<{ votes: number }>;
      __v: number;
    }>();
    expect(fresh?.tags).toEqual(['a', 'b']);
    expect(fresh?.comments[0].votes).toBe(5);
    expect(fresh?.__v).toBe(1);
    const Account = conn.model('Account');
    const acc = await Account.create({ owner: 'o', balance: 10 });
    const a1 = await Account.findById(acc._id).orFail();
    const a2 = await Account.findById(acc._id).orFail();
    a1.balance = 20;
    await a1.save();
    a2.balance = 30;
    await expect(a2.save()).rejects.toThrow(/No matching document found|version/i);
    expect((await Account.findById(acc._id).lean<{ balance: number }>())?.balance).toBe(20);
  });

  it('updates with operators, positional paths and arrayFilters through Model.updateOne/updateMany', async () => {
    const Post = conn.model('Post');
    const p = await Post.create({
      title: 'ops',
      n: 2,
      tags: ['a', 'b', 'c'],
      comments: [
        { by: 'x', votes: 1 },
        { by: 'y', votes: 9 },
      ],
    });
    await Post.updateOne({ _id: p._id, 'comments.by': 'x' }, { $inc: { 'comments.$.votes': 10 } });
    await Post.updateOne(
      { _id: p._id },
      { $set: { 'comments.$[c].by': 'top' } },
      { arrayFilters: [{ 'c.votes': { $gte: 9 } }] },
    );
    await expect(
      Post.updateOne({ _id: p._id }, { $pull: { tags: 'b' }, $addToSet: { tags: 'd' } }),
    ).rejects.toMatchObject({ code: 40 });
    await Post.updateOne({ _id: p._id }, { $pull: { tags: 'b' } });
    await Post.updateOne({ _id: p._id }, { $addToSet: { tags: 'd' } });
    await Post.updateOne({ _id: p._id }, { $push: { tags: { $each: ['e'], $slice: -3 } }, $pop: { comments: -1 } });
    const res = await Post.updateMany({ title: 'ops' }, { $mul: { n: 3 } });
    expect(res.modifiedCount).toBe(1);
    const d = await Post.findById(p._id).lean<{
      n: number;
      tags: string[];
      comments: Array<{ by: string; votes: number }>;
    }>();
    expect(d?.n).toBe(6);
    expect(d?.tags).toEqual(['c', 'd', 'e']);
    expect(d?.comments.map((c) => [c.by, c.votes])).toEqual([['top', 9]]);
  });

  it('countDocuments, estimatedDocumentCount, distinct, sort/skip/limit/select paging', async () => {
    const Post = conn.model('Post');
    await Post.insertMany(
      Array.from({ length: 25 }, (_, i) => ({ title: `page${String(i).padStart(2, '0')}`, n: 100 + i })),
    );
    expect(await Post.countDocuments({ n: { $gte: 100 } })).toBe(25);
    expect(await Post.estimatedDocumentCount()).toBeGreaterThanOrEqual(25);
    const page = await Post.find({ n: { $gte: 100 } })
      .sort({ n: -1 })
      .skip(5)
      .limit(5)
      .select('title -_id')
      .lean();
    expect(page).toEqual([119, 118, 117, 116, 115].map((n) => ({ title: `page${n - 100}` })));
    expect((await Post.distinct('n', { n: { $gte: 122 } })).sort()).toEqual([122, 123, 124]);
    const cursorDocs: unknown[] = [];
    for await (const d of Post.find({ n: { $gte: 100 } }).cursor({ batchSize: 7 })) cursorDocs.push(d);
    expect(cursorDocs).toHaveLength(25);
  });

  it('deleteOne/deleteMany', async () => {
    const Post = conn.model('Post');
    expect((await Post.deleteOne({ title: 'page00' })).deletedCount).toBe(1);
    expect((await Post.deleteMany({ n: { $gte: 110 } })).deletedCount).toBe(15);
  });

  it('$text search and TTL expiry through a model', async () => {
    const Note = conn.model('Note');
    await Note.create([
      { body: 'patient reported headache' },
      { body: 'no complaints' },
      { body: 'expired headache', expiresAt: new Date(Date.now() - 1000) },
    ]);
    for (let i = 0; i < 200 && (await Note.countDocuments()) > 2; i++) await new Promise((r) => setTimeout(r, 50));
    const found = await Note.find({ $text: { $search: 'headaches' } }, { score: { $meta: 'textScore' } }).lean<
      Array<{ body: string }>
    >();
    expect(found.map((n) => n.body)).toEqual(['patient reported headache']);
  });

  it('aggregate with $group/$lookup/$unwind/$facet', async () => {
    const Post = conn.model('Post');
    const rows = await Post.aggregate([
      { $match: { author: { $exists: true } } },
      { $group: { _id: '$author', posts: { $sum: 1 } } },
      { $lookup: { from: 'users', localField: '_id', foreignField: '_id', as: 'user' } },
      { $unwind: '$user' },
      {
        $facet: {
          names: [{ $project: { _id: 0, name: '$user.name', posts: 1 } }, { $sort: { name: 1 } }],
          total: [{ $count: 'n' }],
        },
      },
    ]);
    expect(rows[0].names).toEqual([
      { posts: 2, name: 'P1' },
      { posts: 1, name: 'P2' },
    ]);
    expect(rows[0].total).toEqual([{ n: 2 }]);
  });
});
