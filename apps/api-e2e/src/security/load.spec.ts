import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface LoadSummary {
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusesByKind: Record<string, Record<string, number>>;
}

/**
 * The short run of the load script (tools/load/run.mjs) against the production build: 50 connections for
 * 5 seconds of the realistic mix. Only correctness is asserted (no errors, no non-2xx), never a timing.
 */
describe('load (5-second run of tools/load against the production build)', () => {
  it('answers every request of the mix with a 2xx under 50 concurrent connections', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cloudvault-load-')), 'summary.json');
    const root = join(__dirname, '..', '..', '..', '..');
    const run = spawnSync(
      process.execPath,
      ['tools/load/run.mjs', '--duration', '5', '--connections', '50', '--patients', '8', '--json', out],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 240_000,
      },
    );
    expect({ exit: run.status, stderr: run.stderr.slice(-2000) }).toEqual({ exit: 0, stderr: expect.any(String) });
    const summary = JSON.parse(readFileSync(out, 'utf8')) as LoadSummary;
    expect(summary.requests).toBeGreaterThan(0);
    expect({ errors: summary.errors, timeouts: summary.timeouts, non2xx: summary.non2xx }).toEqual({
      errors: 0,
      timeouts: 0,
      non2xx: 0,
    });
    // every kind of request in the mix was exercised, and only with 2xx answers
    for (const [kind, statuses] of Object.entries(summary.statusesByKind)) {
      const codes = Object.keys(statuses).map(Number);
      expect({ kind, exercised: codes.length > 0, allOk: codes.every((c) => c >= 200 && c < 300) }).toEqual({
        kind,
        exercised: true,
        allOk: true,
      });
    }
  }, 300_000);
});
