/**
 * Choosing a cell on the sheet, by mouse, touch or keyboard, for the "one cell" panel.
 *
 * - Pointer: a click or tap on a dot watches that cell (pointer events: mouse, pen and touch
 *   alike; a drag that moves more than a few pixels is not a tap).
 * - Keyboard: the sheet is focusable; the arrow keys move a cursor over the cells (Shift: eight at a
 *   time; Home and End: the row's ends), Enter watches the cell under it, Escape lets the
 *   watched cell go. The cursor's cell is said in a polite live region.
 *
 * The choice is user intent: it goes to the store (setSelectedCell), from which the bridge tells
 * the worker and the view rings the cell.
 */
import type { IntentStore } from '../state/store.ts';
import type { SheetView } from '../view/sheet-view.ts';

/** A tap moves less than this (CSS px) between press and release. */
const TAP_SLOP_PX = 8;
const SHIFT_STEP = 8;

export interface SheetPickerElements {
  host: HTMLElement;
  /** Polite live region: where the cursor is. */
  announcer: HTMLElement;
}

/** A grid point in words: "pyramidal cell at column 12, row 30 (0.38 mm, 0.95 mm)". */
export function cellWords(grid: number, side: number, inhibitory: boolean, sheetMm: number): string {
  const x = grid % side;
  const y = (grid - x) / side;
  const mm = (k: number) => (((k + 0.5) * sheetMm) / side).toFixed(2);
  return `${inhibitory ? 'interneuron' : 'pyramidal cell'} at column ${x + 1}, row ${y + 1} (${mm(x)} mm, ${mm(y)} mm)`;
}

export class SheetPicker {
  private cursor: number | null = null;
  private pressX = 0;
  private pressY = 0;
  private pressId = -1;
  private isInhibitory: Uint8Array = new Uint8Array(0);
  private sheetMm = 2;

  constructor(
    private readonly el: SheetPickerElements,
    private readonly sheet: SheetView,
    private readonly store: IntentStore,
  ) {
    const host = el.host;
    // Focusable once it can do something with the keys (the page's script is running).
    host.tabIndex = 0;
    host.addEventListener('pointerdown', (e) => {
      this.pressId = e.pointerId;
      this.pressX = e.clientX;
      this.pressY = e.clientY;
    });
    host.addEventListener('pointerup', (e) => {
      if (e.pointerId !== this.pressId) return;
      this.pressId = -1;
      if (Math.hypot(e.clientX - this.pressX, e.clientY - this.pressY) > TAP_SLOP_PX) return;
      const grid = sheet.gridAt(e.clientX, e.clientY);
      if (grid === null) return;
      this.moveCursor(grid, false);
      this.store.getState().setSelectedCell(grid);
    });
    host.addEventListener('keydown', (e) => this.onKey(e));
    host.addEventListener('focus', () => {
      if (this.cursor === null) this.moveCursor(this.store.getState().selectedCell ?? this.centre(), true);
      else this.sheet.setCursor(this.cursor);
    });
    host.addEventListener('blur', () => this.sheet.setCursor(null));
    store.subscribe((state, previous) => {
      if (state.selectedCell !== previous.selectedCell) this.sheet.setSelected(state.selectedCell);
    });
  }

  /** A new network: the types of its cells, for the words; a cursor off the new sheet goes. */
  setNetwork(isInhibitoryGrid: Uint8Array, sheetMm: number): void {
    this.isInhibitory = isInhibitoryGrid;
    this.sheetMm = sheetMm;
    if (this.cursor !== null && this.cursor >= isInhibitoryGrid.length) this.cursor = null;
    this.sheet.setSelected(this.store.getState().selectedCell);
  }

  private centre(): number {
    const side = this.sheet.side;
    return Math.floor(side / 2) * side + Math.floor(side / 2);
  }

  private moveCursor(grid: number, announce: boolean): void {
    this.cursor = grid;
    if (document.activeElement === this.el.host) this.sheet.setCursor(grid);
    if (!announce) return;
    const side = this.sheet.side;
    if (side === 0) return;
    const watched = this.store.getState().selectedCell === grid ? ' (watched)' : '';
    this.el.announcer.textContent = `${cellWords(grid, side, this.isInhibitory[grid] === 1, this.sheetMm)}${watched}. Enter to watch it.`;
  }

  private onKey(e: KeyboardEvent): void {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const side = this.sheet.side;
    if (side === 0) return;
    const at = this.cursor ?? this.centre();
    let x = at % side;
    let y = (at - x) / side;
    const step = e.shiftKey ? SHIFT_STEP : 1;
    switch (e.key) {
      case 'ArrowLeft':
        x = Math.max(0, x - step);
        break;
      case 'ArrowRight':
        x = Math.min(side - 1, x + step);
        break;
      case 'ArrowUp':
        y = Math.max(0, y - step);
        break;
      case 'ArrowDown':
        y = Math.min(side - 1, y + step);
        break;
      case 'Home':
        x = 0;
        break;
      case 'End':
        x = side - 1;
        break;
      case 'Enter':
        e.preventDefault();
        this.store.getState().setSelectedCell(at);
        this.moveCursor(at, true);
        return;
      case 'Escape':
        if (this.store.getState().selectedCell === null) return;
        e.preventDefault();
        this.store.getState().setSelectedCell(null);
        this.el.announcer.textContent = 'No cell watched.';
        return;
      default:
        return;
    }
    // The sheet owns these keys while it has focus (no scrolling, no lecture scene change).
    e.preventDefault();
    this.moveCursor(y * side + x, true);
  }
}
