/**
 * The "Save and load" panel: the recorded run as CSV (spikes, EEG proxy, rates, events), the
 * sheet and plots as one PNG, the settings as a scenario file (JSON), and loading a scenario
 * file, from the file picker or dropped anywhere on the page.
 *
 * A file to load is checked whole before anything changes (size before it is read, then JSON,
 * fields, every parameter against the parameter table, the treatment); every problem is listed
 * and what the user had set stays as it was. A good file is applied through the store's actions,
 * as a preset is.
 */
import './export.css';
import { ExportError, RUN_TABLES, type RunTable, runCsv, runCsvFileName } from '../../export/run-csv.ts';
import { RECORD_WINDOW_S, type RunRecorder, STATE_CODES } from '../../export/run-recorder.ts';
import { exportDurationS, scenarioFile, scenarioFileText, settingsText } from '../../export/scenario-export.ts';
import { ImportError, scenarioSizeProblem, settingsFromScenarioText } from '../../export/scenario-import.ts';
import type { ActivityState } from '../../model/runs/live/frame.ts';
import type { Scenario } from '../../model/scenario.ts';
import type { IntentStore } from '../../state/store.ts';
import { STATE_WORDS } from '../../view/plots/events.ts';
import type { SheetView } from '../../view/sheet-view.ts';
import { h, setText } from '../controls/dom.ts';
import { downloadBlob, downloadText } from './download.ts';
import { canvasToPng, composePicture, plotCanvases } from './picture.ts';

export interface ExportPanelParts {
  store: IntentStore;
  recorder: RunRecorder;
  sheet: SheetView;
  /** The activity plots panel (its canvases go into the picture), and a way to have them drawn now. */
  plotsHost: HTMLElement;
  plots: { drawCanvasesNow(): void };
  presets: readonly Scenario[];
}

const TABLE_LABELS: Readonly<Record<RunTable, string>> = {
  spikes: 'Spikes',
  eeg: 'EEG proxy',
  rates: 'Rates and χ',
  events: 'Events',
};

/** How often the "what a download holds" line follows the simulation. */
const COVERAGE_REFRESH_MS = 1000;

/** What the downloads hold now, in one short line (the files' metadata says it at length). */
function coverageLine(recorder: RunRecorder): string {
  if (recorder.empty) return 'Nothing recorded yet.';
  const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  return `Now they hold simulated time ${s(recorder.coveredFromMs())} to ${s(recorder.timeMs)}, and every event since the network was built.`;
}

function stamp(recorder: RunRecorder): string {
  return `seed${recorder.params?.seed ?? 0}-t${(recorder.timeMs / 1000).toFixed(1)}s`;
}

export function mountExportPanel(host: HTMLElement, parts: ExportPanelParts): void {
  new ExportPanel(host, parts).mount();
}

class ExportPanel {
  private readonly coverage: HTMLParagraphElement;
  private readonly message = h('div', { class: 'export-message', id: 'export-message', role: 'status' });
  private readonly problem = h('div', { class: 'export-message problem', id: 'export-problem', role: 'alert' });
  private readonly fileInput = h('input', { type: 'file', id: 'import-file', accept: '.json,application/json' });

  constructor(
    private readonly host: HTMLElement,
    private readonly parts: ExportPanelParts,
  ) {
    this.coverage = h('p', { class: 'hint', id: 'export-coverage' }, coverageLine(parts.recorder));
  }

  mount(): void {
    const tableButtons = RUN_TABLES.map((table) => this.tableButton(table));
    const pictureButton = h('button', { type: 'button', 'data-export': 'png' }, 'Picture (PNG)');
    pictureButton.addEventListener('click', () => this.savePicture());
    const scenarioButton = h('button', { type: 'button', 'data-export': 'scenario' }, 'Settings (JSON)');
    scenarioButton.addEventListener('click', () => this.saveSettings());
    this.fileInput.addEventListener('change', () => {
      const file = this.fileInput.files?.[0];
      this.fileInput.value = '';
      if (file) void this.importFile(file);
    });
    this.acceptDroppedFiles();

    this.host.replaceChildren(
      h('h2', { id: 'export-panel-title' }, 'Save and load'),
      h(
        'p',
        { class: 'hint' },
        `Downloads hold the last ${RECORD_WINDOW_S} s of simulated time of the current network; a new network starts them again.`,
      ),
      this.coverage,
      h('div', { class: 'export-buttons', role: 'group', 'aria-label': 'Save the run as CSV' }, ...tableButtons),
      h(
        'div',
        { class: 'export-buttons', role: 'group', 'aria-label': 'Save a picture or the settings' },
        pictureButton,
        scenarioButton,
      ),
      h(
        'div',
        { class: 'export-import' },
        h('label', { for: 'import-file' }, 'Load settings from a scenario file (JSON)'),
        this.fileInput,
        h(
          'p',
          { class: 'hint' },
          'Or drop the file anywhere on the page. It is checked first; a file with problems changes nothing.',
        ),
      ),
      this.message,
      this.problem,
    );
    this.host.hidden = false;
    setInterval(() => setText(this.coverage, coverageLine(this.parts.recorder)), COVERAGE_REFRESH_MS);
  }

  private showDone(text: string): void {
    this.problem.replaceChildren();
    setText(this.message, text);
  }

  private showProblems(lead: string, problems: readonly string[]): void {
    this.message.replaceChildren();
    this.problem.replaceChildren(
      h('p', {}, lead),
      h('ul', {}, ...problems.map((p) => h('li', {}, p[0].toUpperCase() + p.slice(1)))),
      h('p', {}, 'Nothing was changed.'),
    );
  }

  private exportProblem(error: unknown): void {
    if (!(error instanceof ExportError)) throw error;
    this.showProblems('Nothing to save yet:', [error.message]);
  }

  /** A button that saves one table of the recorded run as CSV. */
  private tableButton(table: RunTable): HTMLButtonElement {
    const { store, recorder, presets } = this.parts;
    const button = h('button', { type: 'button', 'data-export': table }, `${TABLE_LABELS[table]} (CSV)`);
    button.addEventListener('click', () => {
      try {
        const context = { treatment: store.getState().treatment, presets };
        downloadText(runCsv(recorder, table, context), runCsvFileName(recorder, table), 'text/csv');
        this.showDone(`Saved ${runCsvFileName(recorder, table)}.`);
      } catch (error) {
        this.exportProblem(error);
      }
    });
    return button;
  }

  /** The sheet and the plots as one PNG, with a caption. */
  private savePicture(): void {
    const { store, recorder } = this.parts;
    if (recorder.empty) {
      this.exportProblem(new ExportError('nothing has been drawn yet: let the simulation run'));
      return;
    }
    const { params, treatment } = store.getState();
    this.parts.plots.drawCanvasesNow();
    const state: ActivityState = STATE_CODES[recorder.frameState[(recorder.frameEnd - 1) % recorder.frameCapacity]];
    const canvas = composePicture({
      sheet: this.parts.sheet,
      plots: plotCanvases(this.parts.plotsHost),
      caption: [
        `Refractory, an educational model, not medical advice. Simulated time ${(recorder.timeMs / 1000).toFixed(1)} s; ${STATE_WORDS[state].toLowerCase()}; seed ${params.seed}.`,
        `Settings: ${settingsText(recorder.params ?? params, treatment)}.`,
      ],
    });
    const name = `refractory-${stamp(recorder)}.png`;
    canvasToPng(canvas).then(
      (blob) => {
        downloadBlob(blob, name);
        this.showDone(`Saved ${name}.`);
      },
      (error: Error) => this.showProblems('The picture could not be made:', [error.message]),
    );
  }

  /** The settings as a scenario file. */
  private saveSettings(): void {
    const { store, recorder, presets } = this.parts;
    const { params, treatment } = store.getState();
    const file = scenarioFile(params, treatment, exportDurationS(recorder.timeMs), presets);
    const name = `${file.name}.json`;
    downloadText(scenarioFileText(file), name, 'application/json');
    this.showDone(`Saved ${name}: run it with npm run sim -- run --scenario ${name}, or load it here.`);
  }

  /** Check a scenario file whole, then apply it through the store, or list every problem and change nothing. */
  private async importFile(file: File): Promise<void> {
    const store = this.parts.store;
    const sizeProblem = scenarioSizeProblem(file.size);
    if (sizeProblem) return this.showProblems(`${file.name} was not loaded:`, [sizeProblem]);
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      return this.showProblems(`${file.name} was not loaded:`, [
        `the file could not be read (${(error as Error).message})`,
      ]);
    }
    let settings: ReturnType<typeof settingsFromScenarioText>;
    try {
      settings = settingsFromScenarioText(text);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      return this.showProblems(`${file.name} was not loaded:`, error.problems);
    }
    const state = store.getState();
    const before = { params: state.params, treatment: state.treatment };
    try {
      state.setParams(settings.params as unknown as Record<string, unknown>);
      state.setTreatment(settings.treatment);
    } catch (error) {
      // Checked above with the same rules; should the store still refuse, nothing stays half-applied.
      store.setState(before);
      return this.showProblems(`${file.name} was not loaded:`, [(error as Error).message]);
    }
    this.showDone(
      `Loaded "${settings.scenario.name}" from ${file.name}: ${settingsText(settings.params, settings.treatment)}.`,
    );
  }

  /** A file dropped anywhere on the page is loaded (the browser would otherwise open it instead). */
  private acceptDroppedFiles(): void {
    const hasFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;
    document.addEventListener('dragover', (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
      this.host.classList.add('export-drop');
    });
    document.addEventListener('dragleave', (event) => {
      if (event.relatedTarget === null) this.host.classList.remove('export-drop');
    });
    document.addEventListener('drop', (event) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      this.host.classList.remove('export-drop');
      const files = event.dataTransfer?.files;
      const count = files?.length ?? 0;
      if (!files || count !== 1) {
        this.showProblems('Nothing was loaded:', [`drop one scenario file (.json), not ${count}`]);
        return;
      }
      void this.importFile(files[0]);
    });
  }
}
