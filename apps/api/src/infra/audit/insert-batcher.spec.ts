import { InsertBatcher } from './insert-batcher';

/** An insert that stays in flight until the test releases it, recording every batch it was given. */
function controllableInsert() {
  const batches: number[][] = [];
  const inFlight: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const insert = (docs: number[]) =>
    new Promise<void>((resolve, reject) => {
      batches.push(docs);
      inFlight.push({ resolve, reject });
    });
  return { batches, inFlight, insert };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('InsertBatcher (group commit of audit events)', () => {
  it('inserts at once when idle, and carries what arrives meanwhile in one next insert', async () => {
    const { batches, inFlight, insert } = controllableInsert();
    const batcher = new InsertBatcher(insert);
    const settled: number[] = [];
    const first = batcher.write(1).then(() => settled.push(1));
    expect(batches).toEqual([[1]]);
    const later = [2, 3, 4].map((n) => batcher.write(n).then(() => settled.push(n)));
    await tick();
    expect(batches).toEqual([[1]]); // nothing more until the first insert is acknowledged
    expect(settled).toEqual([]);
    inFlight[0].resolve();
    await first;
    await tick();
    expect(batches).toEqual([[1], [2, 3, 4]]);
    expect(settled).toEqual([1]); // the others wait for their own insert
    inFlight[1].resolve();
    await Promise.all(later);
    expect(settled).toEqual([1, 2, 3, 4]);
  });

  it('rejects only the writers of a failed insert, and goes on with the next batch', async () => {
    const { batches, inFlight, insert } = controllableInsert();
    const batcher = new InsertBatcher(insert);
    const failed = batcher.write(1);
    const next = batcher.write(2);
    inFlight[0].reject(new Error('database down'));
    await expect(failed).rejects.toThrow('database down');
    await tick();
    expect(batches).toEqual([[1], [2]]);
    inFlight[1].resolve();
    await expect(next).resolves.toBeUndefined();
    // idle again: the next write starts its own insert at once
    const last = batcher.write(3);
    expect(batches).toEqual([[1], [2], [3]]);
    inFlight[2].resolve();
    await expect(last).resolves.toBeUndefined();
  });
});
