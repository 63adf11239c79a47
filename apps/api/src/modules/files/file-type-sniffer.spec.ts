import { sniffFileType, TextChecker } from './file-type-sniffer';

describe('sniffFileType (decided by bytes, never by name)', () => {
  it.each([
    ['%PDF-1.7\n...', 'x.txt', 'application/pdf'],
    [Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'x.pdf', 'image/png'],
    [Buffer.from('ffd8ffe000104a464946', 'hex'), 'x', 'image/jpeg'],
    [Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), Buffer.alloc(20)]), 'x.bin', 'application/dicom'],
    [
      Buffer.concat([Buffer.from('0000001866747970686569630000000068656963', 'hex'), Buffer.alloc(64)]),
      'IMG_0001.jpg',
      'image/heic',
    ],
    [Buffer.concat([Buffer.from('000000186674797061766966', 'hex'), Buffer.alloc(64)]), 'x.heic', undefined],
    ['a,b\n1,2\n', 'data.CSV', 'text/csv'],
    ['plain words ✓', 'notes', 'text/plain'],
  ] as const)('%#: %s named %s is %s', async (bytes, name, type) => {
    expect((await sniffFileType(Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes), name)).type).toBe(type);
  });

  it.each([
    [Buffer.from('7f454c4602010100', 'hex'), 'doc.pdf'],
    [Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]), 'doc.pdf'],
    [Buffer.from([0xff, 0xfe, 0x00, 0x41]), 'doc.txt'],
    [Buffer.from('504b030414000000', 'hex'), 'scan.png'],
    [Buffer.from([0xc3, 0x28, 0x41]), 'bad-utf8.txt'],
    // an ASF header whose next object has size 0: file-type 16 looped on it forever
    [
      Buffer.concat([
        Buffer.from('3026B2758E66CF11A6D900AA0062CE6C', 'hex'),
        Buffer.alloc(14, 0x11),
        Buffer.from('8CABDCA1A94AD1118E4900C04FB1B3FB', 'hex'),
        Buffer.alloc(4096 - 46),
      ]),
      'video.wmv',
    ],
  ])('%#: refuses %s named %s', async (bytes, name) => {
    expect((await sniffFileType(bytes, name)).type).toBeUndefined();
  });
});

describe('TextChecker', () => {
  it('accepts UTF-8 split across chunks and refuses NUL or a truncated sequence', () => {
    const euro = Buffer.from('€', 'utf8');
    const ok = new TextChecker();
    expect(ok.feed(euro.subarray(0, 1))).toBe(true);
    expect(ok.feed(euro.subarray(1))).toBe(true);
    expect(ok.end()).toBe(true);
    expect(new TextChecker().feed(Buffer.from('a\u0000b'))).toBe(false);
    const cut = new TextChecker();
    expect(cut.feed(euro.subarray(0, 2))).toBe(true);
    expect(cut.end()).toBe(false);
  });
});
