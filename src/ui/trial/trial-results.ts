/**
 * The trial's figures on the page: the fraction seizure-free after each drug as bars next to the
 * clinical figures, the distance from them, the refractory fraction, who stayed refractory
 * mechanism by mechanism, and every patient's seed. Drawn once per finished trial: nothing moves.
 */
import { DRUGS } from '../../model/pharmacology/drugs.ts';
import { type CohortSummary, dischargingText, rateRangeText, worsenedText } from '../../model/runs/cohort/summary.ts';
import { dischargesWithoutEvent, type PatientOutcome } from '../../model/runs/cohort/trial.ts';
import { el } from '../controls/dom.ts';

export const percent = (x: number | null): string => (x === null ? '–' : `${(100 * x).toFixed(1)} %`);
const range = (i: { low: number; high: number }): string =>
  `${(100 * i.low).toFixed(1)}–${(100 * i.high).toFixed(1)} %`;
export const signedPp = (x: number | null): string =>
  x === null ? 'no figure' : `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(1)} points`;

/** A static bar of the model's fraction with a tick at the clinical figure. */
function bar(model: number, clinical: number | null, label: string): HTMLElement {
  const wrap = el('div', 'trial-bar');
  wrap.setAttribute('role', 'img');
  wrap.setAttribute(
    'aria-label',
    `${label}: model ${percent(model)}${clinical === null ? '' : `, clinical ${percent(clinical)}`}`,
  );
  const fill = el('div', 'trial-bar-model');
  fill.style.width = `${(100 * model).toFixed(1)}%`;
  wrap.append(fill);
  if (clinical !== null) {
    const tick = el('div', 'trial-bar-clinical');
    tick.style.left = `${(100 * clinical).toFixed(1)}%`;
    wrap.append(tick);
  }
  return wrap;
}

function headRow(cells: readonly string[]): HTMLTableSectionElement {
  const thead = el('thead');
  const tr = el('tr');
  for (const c of cells) {
    const th = el('th', undefined, c);
    th.scope = 'col';
    tr.append(th);
  }
  thead.append(tr);
  return thead;
}

function row(header: string, cells: readonly (string | HTMLElement)[]): HTMLTableRowElement {
  const tr = el('tr');
  const th = el('th', undefined, header);
  th.scope = 'row';
  tr.append(th);
  for (const c of cells) {
    const td = el('td');
    td.append(c);
    tr.append(td);
  }
  return tr;
}

function mechanismsOf(o: PatientOutcome): string {
  const t = o.traits;
  const parts = [`K⁺ clearance ${t.kClearance.toFixed(3)}`];
  if (t.lesion) parts.push(`lesion ${t.lesion.radiusMm.toFixed(2)} mm`);
  if (t.pgpHigh) parts.push(`P-gp ${t.pgp.toFixed(2)}×`);
  if (t.dravet) parts.push('SCN1A');
  if (t.inflammation > 0) parts.push(`inflammation ${t.inflammation.toFixed(2)}`);
  parts.push(`adherence ${t.adherence.toFixed(2)}`);
  return parts.join(', ');
}

/** A patient's verdict in words, for the list of every patient. */
export function outcomeOf(o: PatientOutcome, drugs: readonly string[]): string {
  if (!o.epileptic) return 'never seized untreated: left out';
  const verdict = o.seizureFreeOn === null ? 'refractory' : `seizure-free on ${drugs[o.seizureFreeOn]}`;
  // Windows without an event that did not count as seizure-free (trial.ts, isSeizureFree): say why.
  const discharging = o.trials.flatMap((t, k) =>
    dischargesWithoutEvent(t) ? [`${drugs[k]}: no event, but ${t.dischargesPerS.toFixed(1)} discharges a second`] : [],
  );
  return discharging.length === 0 ? verdict : `${verdict} (${discharging.join('; ')})`;
}

export interface TrialRunInfo {
  workers: number;
  wallS: number;
}

/** Replace `container`'s content with the figures of a finished trial. */
export function showTrialResults(
  container: HTMLElement,
  s: CohortSummary,
  outcomes: readonly PatientOutcome[],
  run: TrialRunInfo,
): void {
  const identity = el(
    'p',
    'trial-identity',
    `Seed ${s.seed}: ${s.patients} patients drawn, ${s.withEpilepsy} with epilepsy` +
      `${s.withoutEpilepsy > 0 ? ` (${s.withoutEpilepsy} whose sheet never seized were left out)` : ''}; ` +
      `${s.mode === 'substitution' ? 'each drug replaced the last' : 'each drug was added to the ones before'}; ` +
      `${s.settings.side} × ${s.settings.side} sheet, each drug watched ${s.settings.observeS} s after ` +
      `${s.settings.settleS} s of settling, drugs at ` +
      `${s.settings.atHours / 24} days; ${run.workers} worker${run.workers === 1 ? '' : 's'}, ${run.wallS.toFixed(1)} s.`,
  );

  const figures = el('table', 'trial-table');
  figures.append(
    el(
      'caption',
      undefined,
      `Seizure-free after each drug: this cohort and the clinical figures (${s.clinical.source})`,
    ),
  );
  figures.append(
    headRow(['Drug', 'Newly seizure-free', 'Seizure-free so far', '95 % interval', 'Clinical', 'Distance']),
  );
  const body = el('tbody');
  s.drugs.forEach((drug, k) => {
    const cumulative = el('div', 'trial-cumulative');
    cumulative.append(
      el('span', 'trial-number', percent(s.cumulativeSeizureFree[k])),
      bar(s.cumulativeSeizureFree[k], s.clinical.cumulativeSeizureFree[k], `after ${drug}`),
    );
    body.append(
      row(`${k + 1}. ${drug}${DRUGS[drug].placebo ? ' (placebo: no effect)' : ''}`, [
        percent(s.newlySeizureFree[k]),
        cumulative,
        range(s.cumulativeInterval[k]),
        percent(s.clinical.cumulativeSeizureFree[k]),
        signedPp(s.distancePp[k]),
      ]),
    );
  });
  body.append(
    row('Refractory', [
      '',
      percent(s.refractoryFraction),
      range(s.refractoryInterval),
      percent(s.clinical.refractory),
      signedPp(s.refractoryDistancePp),
    ]),
  );
  figures.append(body);

  const legend = el('p', 'trial-legend hint');
  legend.append(
    el('span', 'trial-key trial-key-model'),
    ' this cohort   ',
    el('span', 'trial-key trial-key-clinical'),
    ' clinical figure. Distance: this cohort minus the clinical figure, in percentage points. ' +
      'The 95 % interval (Wilson) is where the share of a much larger cohort of the same population would ' +
      'likely lie; a cohort of a few dozen patients cannot tell shares a few points apart.',
  );

  const mech = el('table', 'trial-table');
  mech.append(el('caption', undefined, 'Who stayed refractory: the share of each group that has the mechanism'));
  mech.append(headRow(['Mechanism', 'All patients', 'Refractory', 'Seizure-free', 'Of those with it, refractory']));
  const mbody = el('tbody');
  for (const m of s.mechanisms) {
    mbody.append(
      row(m.label, [
        percent(m.cohortShare),
        percent(m.refractoryShare),
        percent(m.seizureFreeShare),
        percent(m.refractoryRate),
      ]),
    );
  }
  mech.append(mbody);

  const worsened = worsenedText(s);
  const worse = worsened === null ? null : el('p', 'hint', worsened);
  const discharging = dischargingText(s);
  const continuous = discharging === null ? null : el('p', 'hint', discharging);

  const freeRates = s.drugs.flatMap((d, k) => {
    const r = s.seizureFreeRateEHz[k];
    return r === null ? [] : [`${d} ${rateRangeText(r)}`];
  });
  const untreated = s.untreatedRateEHz;
  const freeRateNote =
    freeRates.length > 0
      ? el(
          'p',
          'hint',
          `How calm a seizure-free patch is: its pyramidal cells' mean rate over the window, median (range), on ${freeRates.join(', ')}` +
            (untreated === null
              ? '.'
              : `; untreated, seizures included, the cohort's patients ran at ${rateRangeText(untreated)}.`),
        )
      : null;

  const details = el('details', 'trial-patients');
  details.append(el('summary', undefined, `Every patient, with its seed (${outcomes.length})`));
  const list = el('ol');
  list.start = 0;
  // A scrolling list must be reachable by keyboard (axe: scrollable-region-focusable).
  list.tabIndex = 0;
  list.setAttribute('aria-label', 'Patients, numbered from 0, each with its seed, mechanisms and outcome');
  for (const o of outcomes) {
    list.append(el('li', undefined, `seed ${o.seed}: ${mechanismsOf(o)} → ${outcomeOf(o, s.drugs)}`));
  }
  details.append(list);

  container.replaceChildren(
    identity,
    figures,
    legend,
    ...(freeRateNote ? [freeRateNote] : []),
    mech,
    ...(worse ? [worse] : []),
    ...(continuous ? [continuous] : []),
    details,
  );
  container.dataset.summary = JSON.stringify({
    seed: s.seed,
    patients: s.patients,
    drugs: s.drugs,
    cumulativeSeizureFree: s.cumulativeSeizureFree,
    cumulativeInterval: s.cumulativeInterval,
    observeS: s.settings.observeS,
    refractoryFraction: s.refractoryFraction,
    patientSeeds: outcomes.map((o) => o.seed),
  });
}
