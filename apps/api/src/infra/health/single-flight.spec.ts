import { singleFlight } from './single-flight';

describe('singleFlight', () => {
  it('shares one in-flight run between concurrent callers and starts a new run after it settles', async () => {
    let runs = 0;
    let release: (v: number) => void = () => undefined;
    const probe = singleFlight(() => {
      runs += 1;
      return new Promise<number>((resolve) => (release = resolve));
    });
    const first = probe();
    const second = probe();
    expect(runs).toBe(1);
    release(7);
    await expect(Promise.all([first, second])).resolves.toEqual([7, 7]);
    const third = probe();
    expect(runs).toBe(2);
    release(8);
    await expect(third).resolves.toBe(8);
  });

  it('passes a failure to every waiting caller and does not keep it', async () => {
    let fail = true;
    const probe = singleFlight(async () => {
      if (fail) throw new Error('down');
      return 'up';
    });
    await expect(Promise.all([probe(), probe()])).rejects.toThrow('down');
    fail = false;
    await expect(probe()).resolves.toBe('up');
  });
});
