import { slowdownLogSize, slowdownMs } from './login-slowdown';

describe('per-account sign-in slow-down', () => {
  it('starts at the failure limit, doubles per failure and is capped', () => {
    expect([0, 9].map((n) => slowdownMs(n, 10, 8000))).toEqual([0, 0]);
    expect([10, 11, 12, 13, 14, 15].map((n) => slowdownMs(n, 10, 8000))).toEqual([250, 500, 1000, 2000, 4000, 8000]);
    expect(slowdownMs(10_000, 10, 8000)).toBe(8000);
  });

  it('is off with a cap of 0', () => {
    expect(slowdownMs(50, 10, 0)).toBe(0);
  });

  it("needs only the newest slowdownLogSize failures, even after a success took one pair's back", () => {
    const max = 10;
    const kept = slowdownLogSize(max) - max;
    expect(slowdownMs(kept, max, Infinity)).toBe(slowdownMs(1_000_000, max, Infinity));
    expect(slowdownMs(kept - 1, max, Infinity)).toBeLessThan(slowdownMs(kept, max, Infinity));
  });
});
