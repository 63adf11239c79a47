import { contentDisposition } from './file-download';
import { sanitiseFileName } from './file-name';

describe('sanitiseFileName', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['C:\\Users\\me\\scan.png', 'scan.png'],
    ['/abs/path/x.txt', 'x.txt'],
    ['a\u0000b\u001fc\u007f.pdf', 'abc.pdf'],
    ['evil\u202efdp.exe', 'evilfdp.exe'],
    ['..', 'file'],
    ['', 'file'],
    [undefined, 'file'],
    ['...hidden', 'hidden'],
    ['a<b>c:d"e|f?g*.pdf', 'a_b_c_d_e_f_g_.pdf'],
    ['  spaced   out  .pdf ', 'spaced out .pdf'],
    ['e\u0301cho.pdf', '\u00e9cho.pdf'],
  ])('%j -> %j', (raw, expected) => {
    expect(sanitiseFileName(raw)).toBe(expected);
  });

  it('bounds the length and keeps the extension', () => {
    const name = sanitiseFileName(`${'a'.repeat(500)}.pdf`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
    expect(Array.from(sanitiseFileName('😀'.repeat(300)))).toHaveLength(200);
  });
});

describe('contentDisposition', () => {
  it('is an attachment with an ASCII fallback and an RFC 5987 UTF-8 name', () => {
    expect(contentDisposition('report.pdf')).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);
    expect(contentDisposition('Ünïcode (1).pdf')).toBe(
      `attachment; filename="_n_code (1).pdf"; filename*=UTF-8''%C3%9Cn%C3%AFcode%20%281%29.pdf`,
    );
    expect(contentDisposition('a"b\\c.txt')).toBe(`attachment; filename="a_b_c.txt"; filename*=UTF-8''a%22b%5Cc.txt`);
  });
});
