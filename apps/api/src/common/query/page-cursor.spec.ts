import { BadRequestException } from '@nestjs/common';
import { Types } from 'mongoose';
import { afterPosition, decodeCursor, decodeDateCursor, encodeCursor, toPage } from './page-cursor';

describe('keyset page cursor', () => {
  const id = new Types.ObjectId();

  it('round-trips a key and id through an opaque URL-safe string', () => {
    const c = encodeCursor('Dr. Ada', id);
    expect(c).toMatch(/^[A-Za-z0-9_-]+$/);
    const back = decodeCursor(c);
    expect(back.key).toBe('Dr. Ada');
    expect(back.id.equals(id)).toBe(true);
  });

  it.each([
    ['garbage', 'not base64 json'],
    [Buffer.from('{"a":1}').toString('base64url'), 'an object'],
    [Buffer.from('["x"]').toString('base64url'), 'one element'],
    [Buffer.from('[1,"665f1c2e8b3a4d0012345678"]').toString('base64url'), 'a non-string key'],
    [Buffer.from('["x","zzz"]').toString('base64url'), 'a bad id'],
    [Buffer.from('["x",{"$gt":""}]').toString('base64url'), 'an operator'],
  ])('rejects %s (%s) as a 400 on the cursor field', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(BadRequestException);
    try {
      decodeCursor(cursor);
    } catch (e) {
      expect((e as BadRequestException).getResponse()).toMatchObject({ details: [{ field: 'cursor' }] });
    }
  });

  it('date cursors need a valid date', () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    expect(decodeDateCursor(encodeCursor(at.toISOString(), id)).at).toEqual(at);
    expect(() => decodeDateCursor(encodeCursor('yesterday', id))).toThrow(BadRequestException);
  });

  it('selects strictly after the position, with the id breaking ties', () => {
    expect(afterPosition('at', 5, id, 'desc')).toEqual({ $or: [{ at: { $lt: 5 } }, { at: 5, _id: { $lt: id } }] });
    expect(afterPosition('name', 'b', id, 'asc')).toEqual({
      $or: [{ name: { $gt: 'b' } }, { name: 'b', _id: { $gt: id } }],
    });
  });

  it('turns limit+1 rows into a page whose cursor names the last item', () => {
    const rows = [1, 2, 3].map((n) => ({ _id: new Types.ObjectId(), n }));
    const page = toPage(
      rows,
      2,
      (r) => r.n,
      (r) => String(r.n),
    );
    expect(page.items).toEqual([1, 2]);
    expect(decodeCursor(page.nextCursor as string)).toEqual({ key: '2', id: rows[1]?._id });
    expect(
      toPage(
        rows.slice(0, 2),
        2,
        (r) => r.n,
        (r) => String(r.n),
      ).nextCursor,
    ).toBeNull();
  });
});
