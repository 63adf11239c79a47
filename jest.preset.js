const { join } = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

module.exports = {
  ...nxPreset,
  reporters: ['default', join(__dirname, 'tools', 'jest', 'summary-reporter.cjs')],
  // How long Jest waits for a worker to exit after the run before it kills it and warns "A worker process has
  // failed to exit gracefully". Measured on the 2-core machine: every worker's event loop was empty within 120 ms
  // of the end (no open handle), but a worker holding 0.7-1 GB (API unit tests on a cold ts-jest cache: the
  // TypeScript language service) or 2-3 GB (API e2e) took 0.6-3 s to be torn down, past Jest's 500 ms. A real
  // leak (a handle that never closes) still gets the warning, after these 10 s.
  workerGracefulExitTimeout: 10_000,
};
