import type { PrescriptionDto, PrescriptionPageDto } from '@cloudvault/contracts';
import { firstValueFrom, of } from 'rxjs';
import { findPrescription } from './prescription-lookup';

const rx = (id: string) => ({ id }) as PrescriptionDto;

describe('findPrescription', () => {
  const pages: Record<string, PrescriptionPageDto> = {
    first: { items: [rx('a'), rx('b')], nextCursor: 'p2' },
    p2: { items: [rx('c')], nextCursor: 'p3' },
    p3: { items: [rx('d')], nextCursor: null },
  };
  const requested: (string | undefined)[] = [];
  const fetchPage = (cursor?: string) => {
    requested.push(cursor);
    return of(pages[cursor ?? 'first']);
  };

  beforeEach(() => (requested.length = 0));

  it('walks the pages until it finds the prescription', async () => {
    expect((await firstValueFrom(findPrescription('c', fetchPage)))?.id).toBe('c');
    expect(requested).toEqual([undefined, 'p2']);
  });

  it('gives null at the end of the list or after the page bound', async () => {
    expect(await firstValueFrom(findPrescription('zz', fetchPage))).toBeNull();
    expect(requested).toEqual([undefined, 'p2', 'p3']);
    requested.length = 0;
    expect(await firstValueFrom(findPrescription('d', fetchPage, 2))).toBeNull();
    expect(requested).toEqual([undefined, 'p2']);
  });
});
