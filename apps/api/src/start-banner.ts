/** The few lines printed when the server is up outside production: where to open it. */
export function startBanner(base: string, nodeEnv: string, dataDir: string): string {
  return [
    '',
    `  CloudVault is running (${nodeEnv})`,
    `    App       ${base}/`,
    `    API docs  ${base}/api/docs`,
    `    Health    ${base}/api/health`,
    `    Data      ${dataDir}`,
    '',
    '',
  ].join('\n');
}
