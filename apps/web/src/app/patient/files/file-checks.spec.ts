import { DEFAULT_UPLOAD_MAX_BYTES } from '@cloudvault/contracts';
import { formatFileSize } from '../../shared/files/file-size';
import { fileProblem } from './file-checks';

describe('fileProblem', () => {
  it('accepts an allowed type under the limit', () => {
    expect(fileProblem({ name: 'Blood test.PDF', size: 1200 })).toBeNull();
  });

  it('explains an oversize file with both sizes', () => {
    // the same size formatting as the "Selected" line (formatFileSize): a 26.5 MB (decimal) file is 25.3 MB
    expect(formatFileSize(26_500_000)).toBe('25.3 MB');
    expect(fileProblem({ name: 'scan.png', size: 26_500_000 })).toBe('This file is 25.3 MB, over the 25 MB limit.');
    expect(fileProblem({ name: 'scan.png', size: DEFAULT_UPLOAD_MAX_BYTES + 1 })).toBe(
      'This file is 25 MB, over the 25 MB limit.',
    );
  });

  it('refuses types outside the allow-list and empty files', () => {
    expect(fileProblem({ name: 'setup.exe', size: 10 })).toMatch(/not accepted/);
    expect(fileProblem({ name: 'noextension', size: 10 })).toMatch(/not accepted/);
    expect(fileProblem({ name: 'a.pdf', size: 0 })).toBe('This file is empty.');
  });
});
