/** 32-bit little-endian and big-endian integers as bytes. */
const le32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};
const be32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const hex = (h: string) => Buffer.from(h.replace(/\s/g, ''), 'hex');

const ASF_HEADER_GUID = hex('30 26 B2 75 8E 66 CF 11 A6 D9 00 AA 00 62 CE 6C');

/**
 * The 4 KB upload that hung file-type 16: the ASF header GUID, 14 filler bytes (the rest of the header
 * object), then a 24-byte object (GUID and 64-bit size) whose size is 0.
 */
export function asfZeroSizeObject(): Buffer {
  const head = Buffer.concat([
    ASF_HEADER_GUID,
    Buffer.alloc(14, 0x11),
    hex('8CABDCA1A94AD1118E4900C04FB1B3FB'),
    Buffer.alloc(8),
  ]);
  return Buffer.concat([head, Buffer.alloc(4096 - head.length)]);
}

/**
 * The opening bytes of the container formats file-type parses structurally (walking boxes, chunks, atoms,
 * tags or directory entries by their size fields): the places where a hostile size can stall a parser.
 */
export const CONTAINER_HEADERS: Readonly<Record<string, () => Buffer>> = {
  asf: () => Buffer.concat([ASF_HEADER_GUID, Buffer.alloc(14)]),
  mp4: () => Buffer.concat([be32(24), Buffer.from('ftypisom'), be32(0), Buffer.from('isomiso2')]),
  heic: () => Buffer.concat([be32(24), Buffer.from('ftypheic'), be32(0), Buffer.from('mif1heic')]),
  matroska: () => hex('1A 45 DF A3 9F 42 86 81 01 42 F7 81 01 42 82 88 6D 61 74 72 6F 73 6B 61'),
  webm: () => hex('1A 45 DF A3 01 00 00 00 00 00 00 1F 42 82 84 77 65 62 6D'),
  zip: () => Buffer.concat([hex('50 4B 03 04 14 00 00 00 08 00'), Buffer.alloc(16), le32(8), Buffer.from('mimetype')]),
  tiffLittle: () => Buffer.concat([Buffer.from('II'), hex('2A 00'), le32(8), hex('0A 00')]),
  tiffBig: () => Buffer.concat([Buffer.from('MM'), hex('00 2A'), be32(8), hex('00 0A')]),
  riff: () => Buffer.concat([Buffer.from('RIFF'), le32(0), Buffer.from('AVI LIST')]),
  ogg: () =>
    Buffer.concat([Buffer.from('OggS'), hex('00 02'), Buffer.alloc(20), hex('01 1E 01'), Buffer.from('vorbis')]),
  id3: () => Buffer.concat([Buffer.from('ID3'), hex('04 00 00 7F 7F 7F 7F')]),
  flac: () => Buffer.concat([Buffer.from('fLaC'), hex('00 00 00 22')]),
  gzip: () => hex('1F 8B 08 08 00 00 00 00 00 03'),
  tar: () => Buffer.concat([Buffer.alloc(257), Buffer.from('ustar\u000000')]),
  cfb: () => hex('D0 CF 11 E0 A1 B1 1A E1'),
  png: () => Buffer.concat([hex('89 50 4E 47 0D 0A 1A 0A'), be32(13), Buffer.from('IHDR')]),
  jpeg: () => hex('FF D8 FF E1 FF FF 45 78 69 66 00 00'),
  aiff: () => Buffer.concat([Buffer.from('FORM'), be32(0), Buffer.from('AIFFCOMM')]),
  mpegTs: () => Buffer.concat([hex('47 40 00 10'), Buffer.alloc(184, 0xff), hex('47')]),
  sevenZip: () => hex('37 7A BC AF 27 1C 00 04'),
  pdf: () => Buffer.from('%PDF-1.7\n'),
  quicktime: () => Buffer.concat([be32(8), Buffer.from('wide'), be32(0), Buffer.from('mdat')]),
};
