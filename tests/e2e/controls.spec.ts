import { readdirSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { PARAM_SPECS } from '../../src/model/params.ts';
import { labelText } from '../../src/ui/controls/param-text.ts';
import { collectPageProblems, snapshot, waitForSnapshot } from './helpers.ts';

/** Load an address and wait until the controls are built. */
async function openControls(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.locator('#controls-panel')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Model, drugs and presets' })).toBeVisible();
}

async function openAllGroups(page: Page): Promise<void> {
  await page.locator('#controls-panel details.param-group').evaluateAll((groups) => {
    for (const g of groups) (g as HTMLDetailsElement).open = true;
  });
}

/** The address's query once the debounced writer has caught up. */
async function expectAddress(page: Page, expected: string | RegExp): Promise<void> {
  await expect.poll(() => new URL(page.url()).search).toEqual(expected);
}

test('every parameter of the table has a labelled native control, its key, its description and its kind', async ({
  page,
}) => {
  const problems = collectPageProblems(page);
  await openControls(page);
  await openAllGroups(page);
  for (const spec of PARAM_SPECS) {
    const control = page.getByLabel(labelText(spec), { exact: true });
    await expect(control, `${spec.key} is labelled "${labelText(spec)}"`).toHaveAttribute('id', spec.key);
    const expectedType =
      spec.kind === 'boolean' || spec.kind === 'lesion'
        ? 'checkbox'
        : spec.kind === 'integer' && spec.max - spec.min > 10_000
          ? 'number'
          : 'range';
    await expect(control).toHaveAttribute('type', expectedType);
    if (expectedType === 'range' && spec.kind !== 'lesion' && spec.kind !== 'boolean') {
      await expect(control).toHaveAttribute('min', String(spec.min));
      await expect(control).toHaveAttribute('max', String(spec.max));
      await expect(control).toHaveAttribute('step', String(spec.step));
      await expect(control).toHaveAttribute('aria-valuetext', /\d/);
    }
    await expect(control).toHaveAccessibleDescription(
      new RegExp(spec.description.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    );
    const row = page.locator(`.param[data-key="${spec.key}"]`);
    await expect(row.locator('code.param-key')).toHaveText(spec.key);
    if (spec.rebuild) await expect(row).toContainText('builds a new network');
  }
  // The lesion's place and size, from the table's limits.
  await expect(page.getByLabel('Radius (mm)')).toHaveAttribute('min', '0.05');
  await expect(page.getByLabel('Radius (mm)')).toHaveAttribute('max', '1');
  await expect(page.getByLabel('Centre, x (mm)')).toHaveAttribute('max', '2');
  await expect(page.getByLabel('Centre, x (mm)')).toBeDisabled();
  // The hint shows while its control is focused.
  await expect(page.locator('#gaba-hint')).toBeHidden();
  await page.locator('#gaba').focus();
  await expect(page.locator('#gaba-hint')).toBeVisible();
  await expect(page.locator('#gaba-hint')).toContainText('GABA_A synaptic weights');
  expect(problems).toEqual([]);
});

test('moving a slider writes the address without adding history entries', async ({ page }) => {
  await openControls(page);
  const entries = await page.evaluate(() => history.length);
  await page.locator('#gaba').focus();
  for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowLeft');
  await expect(page.locator('#gaba-value')).toHaveText('0.80×');
  await expectAddress(page, '?gaba=0.8');
  const barrier = page.locator('details[data-group="barrier"]');
  await expect(barrier).not.toHaveAttribute('open');
  await barrier.getByText('Inflammation & barrier').click();
  await page.locator('#pgp').fill('2');
  await expectAddress(page, '?gaba=0.8&pgp=2');
  expect(await page.evaluate(() => history.length)).toBe(entries);
  // The group now says what changed in it, in words.
  await expect(page.locator('details[data-group="balance"] .group-changed')).toHaveText('1 changed');
  // A reload keeps what was set.
  await page.reload();
  await expect(page.locator('#gaba')).toHaveValue('0.8');
  await expect(page.locator('#pgp')).toHaveValue('2');
  // Reset brings every parameter back, and the address with it.
  await page.getByRole('button', { name: 'Reset all parameters' }).click();
  await expect(page.locator('#gaba-value')).toHaveText('1.00×');
  await expectAddress(page, '');
  await expect(page.locator('details[data-group="balance"] .group-changed')).toHaveText('');
});

test('an address sets the controls, the schedule and the engine', async ({ page }) => {
  await openControls(page, '?gaba=0.6&pgp=2&drug=phenytoin=300/24&seed=3');
  await expect(page.locator('#address-notice')).toBeHidden();
  await expect(page.locator('#gaba')).toHaveValue('0.6');
  await expect(page.locator('#gaba-value')).toHaveText('0.60×');
  await expect(page.locator('#gaba')).toHaveAttribute('aria-valuetext', '0.60 times normal');
  await expect(page.locator('#pgp')).toHaveValue('2');
  await expect(page.locator('#seed')).toHaveValue('3');
  await expect(page.locator('#drug-schedule li')).toHaveCount(1);
  await expect(page.locator('#drug-schedule li')).toContainText('phenytoin 300 mg by mouth every 24 h');
  // Groups holding a change open by themselves.
  await expect(page.locator('details[data-group="barrier"]')).toHaveAttribute('open', '');
  await waitForSnapshot(page, (s) => s?.seed === 3 && s.engineGaba === 0.6, 'the engine runs what the address says');
});

test('a bad entry in the address is named and left out, and the rest applies', async ({ page }) => {
  await openControls(page, '?gaba=banana&pgp=2');
  const notice = page.locator('#address-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Left out from the address');
  await expect(notice).toContainText('gaba="banana" is not allowed');
  await expect(notice).toContainText('0…3');
  await expect(page.locator('#gaba')).toHaveValue('1');
  await expect(page.locator('#pgp')).toHaveValue('2');
  await expect(page.locator('#pgp-value')).toHaveText('2.0×');
});

test('a value the store refuses is explained next to its control, which shows the store’s value again', async ({
  page,
}) => {
  await openControls(page, '?seed=7');
  await openAllGroups(page);
  const seed = page.locator('#seed');
  await seed.fill('3.5');
  await seed.press('Enter');
  const problem = page.locator('#seed-problem');
  await expect(problem).toBeVisible();
  await expect(problem).toHaveAttribute('role', 'alert');
  await expect(problem).toContainText('seed=3.5 is not allowed: seed takes a whole number in 0…4294967295');
  await expect(seed).toHaveValue('7');
  await expectAddress(page, '?seed=7');
  // A good value clears the message.
  await seed.fill('8');
  await seed.press('Enter');
  await expect(problem).toBeHidden();
  await expectAddress(page, '?seed=8');
});

test('the lesion switch places a lesion, and its sliders move it', async ({ page }) => {
  await openControls(page);
  await openAllGroups(page);
  await page.getByLabel('Focal lesion', { exact: true }).check();
  await expectAddress(page, '?lesion=1,1,0.5');
  await page.getByLabel('Radius (mm)').fill('0.3');
  await expectAddress(page, '?lesion=1,1,0.3');
  await expect(page.locator('#lesion-radius-value')).toHaveText('0.30 mm');
  await page.getByLabel('Focal lesion', { exact: true }).uncheck();
  await expectAddress(page, '');
});

test('the drug picker adds a regimen, refuses a repeated drug or an absurd dose, and removes', async ({ page }) => {
  await openControls(page);
  await page.getByLabel('Drug', { exact: true }).selectOption('phenytoin');
  await expect(page.locator('#drug-about')).toContainText('Na⁺ channel block');
  await expect(page.getByLabel('Dose (mg)')).toHaveValue('200');
  await expect(page.getByLabel('Every (hours)')).toHaveValue('12');
  await page.getByRole('button', { name: 'Add to schedule' }).click();
  await expect(page.locator('#drug-schedule li')).toHaveText([/phenytoin 200\smg by mouth every 12\sh/]);
  await expectAddress(page, '?drug=phenytoin=200/12');

  // The same drug again: refused, schedule kept.
  await page.getByLabel('Dose (mg)').fill('300');
  await page.getByRole('button', { name: 'Add to schedule' }).click();
  const problem = page.locator('#drug-problem');
  await expect(problem).toHaveAttribute('role', 'alert');
  await expect(problem).toContainText('Phenytoin is listed twice');
  await expect(page.locator('#drug-schedule li')).toHaveCount(1);

  // An absurd dose: refused with the limit.
  await page.getByLabel('Drug', { exact: true }).selectOption('valproate');
  await page.getByLabel('Dose (mg)').fill('50000');
  await page.getByRole('button', { name: 'Add to schedule' }).click();
  await expect(problem).toContainText('maximum daily dose of valproate');
  await expect(page.locator('#drug-schedule li')).toHaveCount(1);

  // IV: no interval.
  await page.getByLabel('Drug', { exact: true }).selectOption('diazepam');
  await expect(page.getByLabel('IV, once at time 0')).toBeChecked();
  await expect(page.getByLabel('Every (hours)')).toBeDisabled();
  await page.getByRole('button', { name: 'Add to schedule' }).click();
  await expect(problem).toBeHidden();
  await expect(page.locator('#drug-schedule li')).toHaveCount(2);
  await expectAddress(page, '?drug=phenytoin=200/12&drug=diazepam=10iv');

  await page.getByRole('button', { name: 'Remove phenytoin' }).click();
  await expect(page.locator('#drug-schedule li')).toHaveText([/diazepam 10\smg IV/]);
  await expect(page.getByRole('button', { name: 'Remove diazepam' })).toBeFocused();
  await expectAddress(page, '?drug=diazepam=10iv');
});

test('a preset sets parameters and treatment in one go and says what it demonstrates', async ({ page }) => {
  await openControls(page, '?gaba=2&seed=9');
  const presets = page.getByLabel('Scenario', { exact: true });
  const files = readdirSync(new URL('../../public/scenarios/', import.meta.url)).filter((f) => f.endsWith('.json'));
  await expect(presets.locator('option')).toHaveCount(files.length);
  await presets.selectOption('transporter');
  await expect(page.locator('#preset-lesson')).toContainText('P-glycoprotein doubles');
  await page.getByRole('button', { name: 'Load preset' }).click();
  await expect(page.locator('#kClearance-value')).toHaveText('0.555×');
  await expect(page.locator('#gaba-value')).toHaveText('1.00×');
  await expect(page.locator('#pgp')).toHaveValue('2');
  await expect(page.locator('#seed')).toHaveValue('1');
  await expect(page.locator('#drug-schedule li')).toHaveText([/phenytoin 200\smg by mouth every 12\sh/]);
  // The group of a knob the preset changed opened by itself.
  await expect(page.locator('details[data-group="barrier"]')).toHaveAttribute('open', '');
  await expect(page.locator('details[data-group="ions"]')).toHaveAttribute('open', '');
  await expect(page.locator('#preset-current')).toContainText('Now showing “transporter”');
  await expect(page.locator('#preset-current')).toContainText('transporter hypothesis');
  await expectAddress(page, '?preset=transporter');

  // Any change leaves the preset; the address then lists everything.
  await page.locator('#pgp').fill('1');
  await expect(page.locator('#preset-current')).toHaveText('Changed since loading “transporter”.');
  await expectAddress(page, '?kClearance=0.555&drug=phenytoin=200/12&at=336');

  // A preset link opens on it.
  await openControls(page, '?preset=dravet');
  await expect(page.locator('#scn1a')).toHaveValue('0.5');
  await expect(page.locator('#preset-current')).toContainText('Now showing “dravet”');
});

test('? opens the shortcut sheet, Escape closes it and focus comes back', async ({ page }) => {
  await openControls(page);
  const gaba = page.locator('#gaba');
  await gaba.focus();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expect(sheet).toContainText('Play or pause');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(gaba).toBeFocused();

  // The button opens it too, and its Close button closes it.
  await page.getByRole('button', { name: 'Keyboard shortcuts (?)' }).click();
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toBeHidden();
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts (?)' })).toBeFocused();
});

test('Space plays and pauses, except where the focused control uses it', async ({ page }) => {
  await openControls(page);
  await waitForSnapshot(page, (s) => s?.playing === true && s.framesDrawn >= 1, 'the simulation plays');
  await page.locator('#gaba').focus();
  await page.keyboard.press('Space');
  await expect.poll(async () => (await snapshot(page)).playing).toBe(false);
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect.poll(async () => (await snapshot(page)).playing).toBe(true);

  // On a checkbox Space ticks it, and play is left alone.
  await openAllGroups(page);
  await page.locator('#vns').focus();
  await page.keyboard.press('Space');
  await expect(page.locator('#vns')).toBeChecked();
  expect((await snapshot(page)).playing).toBe(true);
  // In a number field Space is typing.
  await page.locator('#drug-dose').focus();
  await page.keyboard.press('Space');
  expect((await snapshot(page)).playing).toBe(true);
});

for (const [name, viewport] of [
  ['desktop', { width: 1366, height: 768 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test(`at ${viewport.width}×${viewport.height} the controls fit without horizontal scrolling`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openControls(page, '?gaba=0.6&pgp=2&drug=phenytoin=300/24&seed=3&lesion=1,1,0.5');
    await page.locator('#gaba').focus();
    // Nothing in the panel reaches past its right edge, and the panel stays inside the page.
    const overflow = await page.locator('#controls-panel').evaluate((panel) => {
      const right = panel.getBoundingClientRect().right;
      const out: string[] = [];
      if (right > document.documentElement.clientWidth) out.push(`the panel ends at ${right}`);
      for (const el of panel.querySelectorAll('*')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > right + 0.5) out.push(`${el.tagName.toLowerCase()}#${el.id} ends at ${r.right}`);
      }
      return out;
    });
    expect(overflow).toEqual([]);
    await page.locator('#controls-panel').screenshot({ path: `/tmp/controls-${name}.png` });
    await page.screenshot({ path: `/tmp/controls-${name}-page.png` });
  });
}
