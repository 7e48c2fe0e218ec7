import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openPage, SIM_WAIT_MS } from './helpers.ts';

/*
 * Accessibility: no serious or critical axe-core violations (WCAG 2.x A and AA rules), on the
 * page as it opens, during a seizure-like event, and with the shortcut sheet's and the raw-spike
 * warning's dialogs open.
 */
async function seriousViolations(page: import('@playwright/test').Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('no serious or critical axe violations at rest, in a seizure, and with the warning open', async ({ page }) => {
  await openPage(page);
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto('/?gaba=0.3');
  await expect(page.locator('#status')).toContainText('Seizure-like event', { timeout: SIM_WAIT_MS });
  expect(await seriousViolations(page)).toEqual([]);

  await page.locator('#view-raw').click();
  await expect(page.locator('#raw-dialog')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.locator('#raw-dialog')).toBeHidden();
  await expect(page.locator('#view-raw')).not.toBeChecked();
});

test('the status region says what the network is doing, in words', async ({ page }) => {
  await openPage(page, '?gaba=0.3');
  const status = page.getByRole('status');
  await expect(status).toContainText(/Seizure-like event: synchrony \d+ %/, { timeout: SIM_WAIT_MS });
});
