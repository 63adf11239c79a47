import { containsInsensitive, equalsInsensitive, escapeRegex } from './escape-regex';

describe('escapeRegex', () => {
  it('makes every pattern character literal', () => {
    const nasty = '.*+?^${}()|[]\\/-';
    expect(new RegExp(escapeRegex(nasty)).test(`x${nasty}x`)).toBe(true);
    expect(new RegExp(`^${escapeRegex('.*')}$`).test('anything')).toBe(false);
  });

  it('matches case-insensitively, as contains or as the whole value', () => {
    expect(containsInsensitive('CARDIO').test('Cardiology')).toBe(true);
    expect(containsInsensitive('(a+)+$').test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')).toBe(false);
    expect(equalsInsensitive('cardiology').test('Cardiology')).toBe(true);
    expect(equalsInsensitive('cardio').test('Cardiology')).toBe(false);
  });
});
