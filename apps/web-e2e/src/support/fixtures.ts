/**
 * A small but real PDF (the API decides the type from the bytes): header, a padding comment block so the upload
 * takes long enough to watch its progress under throttling, and the end-of-file marker.
 */
export function samplePdf(sizeBytes = 1_500_000): Buffer {
  const head = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1');
  const tail = Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
  const line = '% CloudVault browser test padding line 0123456789 abcdefghijklmnopqrstuvwxyz\n';
  const padding = Buffer.from(line.repeat(Math.ceil((sizeBytes - head.length - tail.length) / line.length)), 'latin1');
  return Buffer.concat([head, padding, tail]);
}
