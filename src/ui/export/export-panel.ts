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
  const { store, recorder } = parts;
  const coverage = h('p', { class: 'hint', id: 'export-coverage' }, coverageLine(recorder));
  const message = h('div', { class: 'export-message', id: 'export-message', role: 'status' });
  const problem = h('div', { class: 'export-message problem', id: 'export-problem', role: 'alert' });

  const showDone = (text: string): void => {
    problem.replaceChildren();
    setText(message, text);
  };
  const showProblems = (lead: string, problems: readonly string[]): void => {
    message.replaceChildren();
    problem.replaceChildren(
      h('p', {}, lead),
      h('ul', {}, ...problems.map((p) => h('li', {}, p[0].toUpperCase() + p.slice(1)))),
      h('p', {}, 'Nothing was changed.'),
    );
  };
  const exportProblem = (error: unknown): void => {
    if (!(error instanceof ExportError)) throw error;
    showProblems('Nothing to save yet:', [error.message]);
  };

  const context = () => ({ treatment: store.getState().treatment, presets: parts.presets });

  const tableButtons = RUN_TABLES.map((table) => {
    const button = h('button', { type: 'button', 'data-export': table }, `${TABLE_LABELS[table]} (CSV)`);
    button.addEventListener('click', () => {
      try {
        downloadText(runCsv(recorder, table, context()), runCsvFileName(recorder, table), 'text/csv');
        showDone(`Saved ${runCsvFileName(recorder, table)}.`);
      } catch (error) {
        exportProblem(error);
      }
    });
    return button;
  });

  const pictureButton = h('button', { type: 'button', 'data-export': 'png' }, 'Picture (PNG)');
  pictureButton.addEventListener('click', () => {
    if (recorder.empty) return exportProblem(new ExportError('nothing has been drawn yet: let the simulation run'));
    const { params, treatment } = store.getState();
    parts.plots.drawCanvasesNow();
    const state: ActivityState = STATE_CODES[recorder.frameState[(recorder.frameEnd - 1) % recorder.frameCapacity]];
    const canvas = composePicture({
      sheet: parts.sheet,
      plots: plotCanvases(parts.plotsHost),
      caption: [
        `Refractory, an educational model, not medical advice. Simulated time ${(recorder.timeMs / 1000).toFixed(1)} s; ${STATE_WORDS[state].toLowerCase()}; seed ${params.seed}.`,
        `Settings: ${settingsText(recorder.params ?? params, treatment)}.`,
      ],
    });
    const name = `refractory-${stamp(recorder)}.png`;
    canvasToPng(canvas).then(
      (blob) => {
        downloadBlob(blob, name);
        showDone(`Saved ${name}.`);
      },
      (error: Error) => showProblems('The picture could not be made:', [error.message]),
    );
  });

  const scenarioButton = h('button', { type: 'button', 'data-export': 'scenario' }, 'Settings (JSON)');
  scenarioButton.addEventListener('click', () => {
    const { params, treatment } = store.getState();
    const file = scenarioFile(params, treatment, exportDurationS(recorder.timeMs), parts.presets);
    const name = `${file.name}.json`;
    downloadText(scenarioFileText(file), name, 'application/json');
    showDone(`Saved ${name}: run it with npm run sim -- run --scenario ${name}, or load it here.`);
  });

  const fileInput = h('input', { type: 'file', id: 'import-file', accept: '.json,application/json' });
  const importFile = async (file: File): Promise<void> => {
    const sizeProblem = scenarioSizeProblem(file.size);
    if (sizeProblem) return showProblems(`${file.name} was not loaded:`, [sizeProblem]);
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      return showProblems(`${file.name} was not loaded:`, [`the file could not be read (${(error as Error).message})`]);
    }
    let settings: ReturnType<typeof settingsFromScenarioText>;
    try {
      settings = settingsFromScenarioText(text);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      return showProblems(`${file.name} was not loaded:`, error.problems);
    }
    const state = store.getState();
    const before = { params: state.params, treatment: state.treatment };
    try {
      state.setParams(settings.params as unknown as Record<string, unknown>);
      state.setTreatment(settings.treatment);
    } catch (error) {
      // Checked above with the same rules; should the store still refuse, nothing stays half-applied.
      store.setState(before);
      return showProblems(`${file.name} was not loaded:`, [(error as Error).message]);
    }
    showDone(
      `Loaded "${settings.scenario.name}" from ${file.name}: ${settingsText(settings.params, settings.treatment)}.`,
    );
  };
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (file) void importFile(file);
  });

  // A file dropped anywhere on the page is loaded (the browser would otherwise open it instead).
  const hasFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;
  document.addEventListener('dragover', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    host.classList.add('export-drop');
  });
  document.addEventListener('dragleave', (event) => {
    if (event.relatedTarget === null) host.classList.remove('export-drop');
  });
  document.addEventListener('drop', (event) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    host.classList.remove('export-drop');
    const files = event.dataTransfer?.files;
    const count = files?.length ?? 0;
    if (!files || count !== 1) {
      return showProblems('Nothing was loaded:', [`drop one scenario file (.json), not ${count}`]);
    }
    void importFile(files[0]);
  });

  host.replaceChildren(
    h('h2', { id: 'export-panel-title' }, 'Save and load'),
    h(
      'p',
      { class: 'hint' },
      `Downloads hold the last ${RECORD_WINDOW_S} s of simulated time of the current network; a new network starts them again.`,
    ),
    coverage,
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
      fileInput,
      h(
        'p',
        { class: 'hint' },
        'Or drop the file anywhere on the page. It is checked first; a file with problems changes nothing.',
      ),
    ),
    message,
    problem,
  );
  host.hidden = false;
  setInterval(() => setText(coverage, coverageLine(recorder)), COVERAGE_REFRESH_MS);
}
