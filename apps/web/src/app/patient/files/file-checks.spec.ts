import { DEFAULT_UPLOAD_MAX_BYTES } from '@cloudvault/contracts';
import { fileProblem } from './file-checks';

describe('fileProblem', () => {
  it('accepts an allowed type under the limit', () => {
    expect(fileProblem({ name: 'Blood test.PDF', size: 1200 })).toBeNull();
  });

  it('explains an oversize file with both sizes', () => {
    expect(fileProblem({ name: 'scan.png', size: DEFAULT_UPLOAD_MAX_BYTES + 1 })).toBe(
      'This file is 25.0 MB; the limit is 25 MB.',
    );
  });

  it('refuses types outside the allow-list and empty files', () => {
    expect(fileProblem({ name: 'setup.exe', size: 10 })).toMatch(/not accepted/);
    expect(fileProblem({ name: 'noextension', size: 10 })).toMatch(/not accepted/);
    expect(fileProblem({ name: 'a.pdf', size: 0 })).toBe('This file is empty.');
  });
});
