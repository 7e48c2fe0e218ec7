/**
 * One lesson on the page: its text, the prediction (radio buttons), Run with a progress bar, the
 * reveal (which choice the simulation's outcome matched, whether the prediction did, the measured
 * evidence) and the sources. Built once per lesson shown; it changes only text, attributes and a
 * progress value, with no animation (nothing on it may flash).
 */
import type { Lesson } from '../../teaching/lesson.ts';
import type { LessonProgress, StoredResult } from '../../teaching/progress.ts';
import { el } from '../controls/dom.ts';

export interface LessonViewEvents {
  predict(choiceId: string): void;
  run(): void;
  cancel(): void;
  tryAgain(): void;
}

export class LessonView {
  readonly root: HTMLElement;
  private readonly radios: HTMLInputElement[] = [];
  private readonly runButton: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly againButton: HTMLButtonElement;
  private readonly runHint: HTMLElement;
  private readonly progressRow: HTMLElement;
  private readonly progressBar: HTMLProgressElement;
  private readonly progressText: HTMLElement;
  private readonly reveal: HTMLElement;
  private running = false;

  constructor(
    private readonly lesson: Lesson,
    private state: LessonProgress,
    events: LessonViewEvents,
  ) {
    const root = el('article', 'lesson');
    root.setAttribute('aria-labelledby', 'lesson-title');
    const title = el('h3', 'lesson-title', lesson.title);
    title.id = 'lesson-title';
    title.tabIndex = -1;
    root.append(title);
    for (const paragraph of lesson.text) root.append(el('p', 'lesson-text', paragraph));

    const fieldset = el('fieldset', 'lesson-prediction');
    fieldset.append(el('legend', undefined, `Your prediction: ${lesson.question}`));
    for (const choice of lesson.choices) {
      const label = el('label', 'lesson-choice');
      const radio = el('input');
      radio.type = 'radio';
      radio.name = `lesson-${lesson.id}-prediction`;
      radio.value = choice.id;
      radio.addEventListener('change', () => {
        if (radio.checked) events.predict(choice.id);
      });
      this.radios.push(radio);
      label.append(radio, ` ${choice.text}`);
      fieldset.append(label);
    }
    root.append(fieldset);

    const actions = el('div', 'lesson-actions');
    this.runButton = el('button', 'lesson-run', 'Run the simulation');
    this.runButton.type = 'button';
    this.runHint = el('p', 'lesson-hint');
    this.runHint.id = `lesson-${lesson.id}-hint`;
    this.runButton.setAttribute('aria-describedby', this.runHint.id);
    this.runButton.addEventListener('click', () => events.run());
    this.cancelButton = el('button', 'lesson-cancel', 'Stop');
    this.cancelButton.type = 'button';
    this.cancelButton.hidden = true;
    this.cancelButton.addEventListener('click', () => events.cancel());
    this.againButton = el('button', 'lesson-again', 'Predict again');
    this.againButton.type = 'button';
    this.againButton.hidden = true;
    this.againButton.addEventListener('click', () => events.tryAgain());
    actions.append(this.runButton, this.cancelButton, this.againButton);
    root.append(actions, this.runHint);

    this.progressRow = el('div', 'lesson-progress');
    this.progressRow.hidden = true;
    this.progressBar = el('progress');
    this.progressBar.max = 1;
    this.progressBar.value = 0;
    this.progressBar.id = `lesson-${lesson.id}-progress`;
    this.progressBar.setAttribute('aria-label', 'Simulation progress');
    this.progressText = el('span', 'lesson-progress-text');
    this.progressRow.append(this.progressBar, this.progressText);
    root.append(this.progressRow);

    this.reveal = el('div', 'lesson-reveal');
    this.reveal.setAttribute('aria-live', 'polite');
    root.append(this.reveal);

    const sources = el('details', 'lesson-sources');
    sources.append(el('summary', undefined, 'Sources'));
    const list = el('ul');
    for (const source of lesson.sources) list.append(el('li', undefined, source));
    sources.append(list);
    root.append(sources);
    root.append(
      el(
        'p',
        'lesson-disclaimer',
        'An educational model, not medical advice: talk to a clinician about any treatment.',
      ),
    );

    this.root = root;
    this.render();
  }

  setState(state: LessonProgress): void {
    this.state = state;
    this.render();
  }

  setRunning(running: boolean, detail = ''): void {
    this.running = running;
    this.progressRow.hidden = !running;
    if (running) this.setProgress(0, detail);
    this.render();
  }

  setProgress(fraction: number, detail: string): void {
    this.progressBar.value = fraction;
    this.progressText.textContent = `Simulating ${detail}: ${Math.round(100 * fraction)} %`;
  }

  /** A message in place of the reveal (a failed or stopped run). */
  showMessage(message: string): void {
    this.reveal.replaceChildren(el('p', 'lesson-problem', message));
  }

  focusTitle(): void {
    this.root.querySelector<HTMLElement>('.lesson-title')?.focus();
  }

  private render(): void {
    const { prediction, result } = this.state;
    const revealed = result !== null;
    for (const radio of this.radios) {
      radio.checked = radio.value === prediction;
      radio.disabled = this.running || revealed;
    }
    this.runButton.disabled = this.running || prediction === null || revealed;
    this.runButton.hidden = revealed;
    this.cancelButton.hidden = !this.running;
    this.againButton.hidden = !revealed || this.running;
    this.runHint.textContent = revealed
      ? 'The simulation has answered. Predict again to run it once more.'
      : this.running
        ? 'The simulation runs in the background; the sheet above shows the lesson’s main condition live.'
        : prediction === null
          ? 'Choose a prediction first: Run is available once you have one.'
          : 'Run the simulation to see what happens.';
    if (revealed) this.renderReveal(result);
    else if (!this.running && this.reveal.querySelector('.lesson-problem') === null) this.reveal.replaceChildren();
  }

  private renderReveal(result: StoredResult): void {
    const happened = this.lesson.choices.find((c) => c.id === result.choiceId);
    const predicted = this.lesson.choices.find((c) => c.id === this.state.prediction);
    if (!happened) return;
    const matched = predicted?.id === happened.id;
    const heading = el('h4', undefined, 'What the simulation did');
    const outcome = el('p', 'lesson-outcome');
    outcome.append(el('strong', undefined, 'Outcome: '), happened.text);
    const verdict = el(
      'p',
      matched ? 'lesson-verdict lesson-verdict-match' : 'lesson-verdict',
      matched ? '✓ Your prediction matched.' : `Your prediction was different: “${predicted?.text ?? 'none'}”.`,
    );
    const meaning = el('p', 'lesson-meaning', happened.meaning);
    const measured = el('h4', undefined, 'Measured in the runs');
    const evidence = el('ul', 'lesson-evidence');
    for (const line of result.evidence) evidence.append(el('li', undefined, line));
    this.reveal.replaceChildren(heading, outcome, verdict, meaning, measured, evidence);
  }
}
