import { BadRequestException, NotFoundException } from '@nestjs/common';
import { toErrorBody } from './error-mapping';

describe('toErrorBody', () => {
  it('keeps client messages and validation details of HTTP exceptions', () => {
    const details = [{ field: 'systolic', message: 'too high' }];
    expect(toErrorBody(new BadRequestException({ message: 'Validation failed', details }))).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'Validation failed',
      details,
    });
    expect(toErrorBody(new NotFoundException('File not found'))).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'File not found',
    });
  });

  it('maps database errors without their text', () => {
    const dup = Object.assign(
      new Error('E11000 duplicate key error collection: x index: email_1 dup key: { email: "a@b.c" }'),
      { code: 11000 },
    );
    const body = toErrorBody(dup);
    expect(body.statusCode).toBe(409);
    expect(body.message).not.toContain('a@b.c');
    expect(toErrorBody(Object.assign(new Error('Cast to ObjectId failed'), { name: 'CastError' })).statusCode).toBe(
      400,
    );
    expect(
      toErrorBody(Object.assign(new Error('connect ECONNREFUSED'), { name: 'MongoServerSelectionError' })).statusCode,
    ).toBe(503);
  });

  it('maps an unreachable or stepping-down database to 503, also when a bulk write wraps the network error', () => {
    const wrapped = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4000'), { name: 'MongoBulkWriteError' });
    expect(toErrorBody(wrapped)).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'A required service is temporarily unavailable',
    });
    const caused = new Error('insert failed', { cause: Object.assign(new Error('x'), { name: 'MongoNetworkError' }) });
    expect(toErrorBody(caused).statusCode).toBe(503);
    const ended = Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' });
    expect(toErrorBody(ended).statusCode).toBe(503);
    for (const code of [91, 11600, 10107, 189])
      expect(toErrorBody(Object.assign(new Error('server error'), { name: 'MongoServerError', code })).statusCode).toBe(
        503,
      );
    expect(toErrorBody(Object.assign(new Error('bad'), { name: 'MongoServerError', code: 2 })).statusCode).toBe(500);
  });

  it('turns anything unexpected into a bare 500', () => {
    expect(toErrorBody(new TypeError('secret internals at /srv/app.js:12'))).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal server error',
    });
  });
});
