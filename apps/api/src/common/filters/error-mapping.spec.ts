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

  it('turns anything unexpected into a bare 500', () => {
    expect(toErrorBody(new TypeError('secret internals at /srv/app.js:12'))).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Internal server error',
    });
  });
});
