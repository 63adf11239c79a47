import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: AxeNode[];
}
interface AxeApi {
  run(context: Document, options: object): Promise<{ violations: AxeViolation[] }>;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core'), 'utf8');
const BLOCKING = new Set(['serious', 'critical']);

/**
 * Injects axe-core (the installed package, `require.resolve('axe-core')`) into the page and returns its serious and critical WCAG 2.x A/AA violations, one readable line
 * each (rule, help, the first offending elements), so a failing assertion says what to fix.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // Not `page.addScriptTag`: the app's Content-Security-Policy (script-src 'self') rightly blocks an inline
    // <script>, and the suite keeps that policy on (no bypassCSP) so it also proves the app runs under it.
    // DevTools evaluation is outside the page's CSP.
    await page.evaluate(AXE_SOURCE);
  }
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: AxeApi }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations;
  });
  return violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} at ${v.nodes
          .slice(0, 3)
          .map((n) => JSON.stringify(n.target))
          .join(', ')}`,
    );
}
