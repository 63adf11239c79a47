import { safeReturnUrl } from './auth-redirect';

describe('safeReturnUrl', () => {
  it('follows paths inside the app', () => {
    expect(safeReturnUrl('/patient/files?q=x')).toBe('/patient/files?q=x');
  });

  it('refuses other origins, protocol-relative and backslash tricks, and the auth pages themselves', () => {
    for (const bad of [
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '/auth/login',
      '',
      undefined,
      null,
    ]) {
      expect(safeReturnUrl(bad)).toBeNull();
    }
  });
});
