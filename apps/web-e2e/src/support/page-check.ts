import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { seriousA11yViolations } from './axe';
import { DESKTOP, PHONE } from './browser';
import { OUTPUT_DIR } from './paths';

/** Lets layout settle after a viewport change: Chart.js resizes its canvases in a requestAnimationFrame callback. */
function nextFrames(page: Page): Promise<void> {
  return page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/**
 * For one main page: at desktop (1280×800) and phone (375×812) width, saves a full-page screenshot under
 * test-output/web-e2e/ and asserts that axe-core finds no serious or critical violation and that nothing makes
 * the page scroll sideways. Leaves the page at desktop size.
 */
export async function checkMainPage(page: Page, name: string): Promise<void> {
  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await nextFrames(page);
    await page.screenshot({ path: join(OUTPUT_DIR, `${name}-${label}.png`), fullPage: true });
    const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    const sidewaysScrollPx = Math.max(0, scrollWidth - viewport.width);
    expect({ page: name, viewport: label, violations: await seriousA11yViolations(page), sidewaysScrollPx }).toEqual({
      page: name,
      viewport: label,
      violations: [],
      sidewaysScrollPx: 0,
    });
  }
  await page.setViewportSize(DESKTOP);
}
