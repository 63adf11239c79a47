import { PasswordPolicyService } from './password-policy.service';

describe('PasswordPolicyService', () => {
  const policy = new PasswordPolicyService();

  it.each(['password123', 'qwertyuiop', '1234567890', 'Football123', 'ILOVEYOU123'])(
    'refuses the common password %s',
    (p) => {
      expect(policy.problem(p)).toMatch(/common/);
    },
  );

  it.each([
    ['9 characters', 'a'.repeat(9)],
    ['129 characters', 'a'.repeat(129)],
  ])('refuses a password of %s', (_label, p) => {
    expect(policy.problem(p)).toMatch(/between 10 and 128/);
  });

  it('refuses the account email as password, in any case', () => {
    expect(policy.problem('Ada.Lovelace@Example.org', { email: 'ada.lovelace@example.org' })).toMatch(/email/);
  });

  it.each(['correct horse battery staple', 'a'.repeat(10), 'x'.repeat(128), 'Tr0ub4dor&3-extended'])(
    'accepts %s',
    (p) => {
      expect(policy.problem(p, { email: 'someone@example.org' })).toBeNull();
    },
  );

  it('reports a refusal as a 400 with a per-field detail', () => {
    expect(() => policy.assertAcceptable('password123', 'newPassword')).toThrow(
      expect.objectContaining({
        response: {
          message: 'Validation failed',
          details: [{ field: 'newPassword', message: expect.stringMatching(/^newPassword is too common/) }],
        },
      }),
    );
  });
});
