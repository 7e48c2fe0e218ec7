/**
 * Freeze-and-annotate: a transparent canvas laid over the sheet(s) while the simulation is
 * paused, drawn on with a mouse, pen or finger (pointer events, one pointer at a time).
 *
 * Strokes are kept as points in the overlay's own unit square, so a resize (entering full
 * screen) redraws them in place. Points go into one typed array that grows by doubling; a
 * pointer move draws just its new segments, and only undo, clear and a resize redraw all.
 */

/** Pen colours that stay legible on a washed-out projector over the dark sheet. */
export const PENS: readonly { name: string; css: string }[] = [
  { name: 'Yellow', css: '#ffe14d' },
  { name: 'Cyan', css: '#5ce1ff' },
  { name: 'Pink', css: '#ff85d8' },
  { name: 'White', css: '#ffffff' },
];

/** Line width in CSS px: thick enough to read from the back of a lecture hall. */
const PEN_WIDTH_PX = 6;
const INITIAL_POINTS = 4096;

export class AnnotationLayer {
  readonly canvas: HTMLCanvasElement;
  private readonly context: CanvasRenderingContext2D;
  /** x, y pairs in 0…1 of the overlay's width and height. */
  private points = new Float32Array(2 * INITIAL_POINTS);
  private pointCount = 0;
  /** Index of each stroke's first point, and its pen. */
  private readonly strokeStarts: number[] = [];
  private readonly strokePens: number[] = [];
  private pen = 0;
  private drawingPointer: number | null = null;
  private widthPx = 0;
  private heightPx = 0;
  private scale = 1;
  private readonly resizeObserver: ResizeObserver;
  /** Called when the number of strokes changes (the toolbar enables undo and clear). */
  onStrokesChanged: ((strokes: number) => void) | null = null;

  constructor(private readonly host: HTMLElement) {
    const canvas = document.createElement('canvas');
    canvas.className = 'lecture-ink';
    canvas.hidden = true;
    canvas.setAttribute('role', 'img');
    canvas.setAttribute(
      'aria-label',
      'Drawing layer over the frozen sheet: draw with a mouse, pen or finger. Z undoes a stroke, C clears them.',
    );
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw on a canvas');
    this.canvas = canvas;
    this.context = context;
    host.append(canvas);
    canvas.addEventListener('pointerdown', (event) => this.down(event));
    canvas.addEventListener('pointermove', (event) => this.move(event));
    canvas.addEventListener('pointerup', (event) => this.up(event));
    canvas.addEventListener('pointercancel', (event) => this.up(event));
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(host);
  }

  get active(): boolean {
    return !this.canvas.hidden;
  }

  get strokes(): number {
    return this.strokeStarts.length;
  }

  setActive(active: boolean): void {
    this.canvas.hidden = !active;
    this.drawingPointer = null;
    if (active) this.resize(true);
  }

  setPen(index: number): void {
    if (!(Number.isInteger(index) && index >= 0 && index < PENS.length)) {
      throw new RangeError(`there are ${PENS.length} pens, numbered 0…${PENS.length - 1}; not ${index}`);
    }
    this.pen = index;
  }

  get penIndex(): number {
    return this.pen;
  }

  undo(): void {
    if (this.strokeStarts.length === 0) return;
    this.pointCount = this.strokeStarts.pop() ?? 0;
    this.strokePens.pop();
    this.drawingPointer = null;
    this.redraw();
    this.onStrokesChanged?.(this.strokes);
  }

  clear(): void {
    const had = this.strokeStarts.length;
    this.pointCount = 0;
    this.strokeStarts.length = 0;
    this.strokePens.length = 0;
    this.drawingPointer = null;
    this.redraw();
    if (had > 0) this.onStrokesChanged?.(0);
  }

  /** Pixels with ink, counted from the canvas (for the browser tests; allocates). */
  inkPixels(): number {
    if (this.canvas.width === 0 || this.canvas.height === 0) return 0;
    const data = this.context.getImageData(0, 0, this.canvas.width, this.canvas.height).data;
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
    return inked;
  }

  destroy(): void {
    this.resizeObserver.disconnect();
    this.canvas.remove();
  }

  private down(event: PointerEvent): void {
    if (!this.active || this.drawingPointer !== null) return;
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    event.preventDefault();
    this.canvas.setPointerCapture(event.pointerId);
    this.drawingPointer = event.pointerId;
    this.strokeStarts.push(this.pointCount);
    this.strokePens.push(this.pen);
    this.addPoint(event.offsetX, event.offsetY);
    // A dot for a tap that never moves.
    this.addPoint(event.offsetX + 0.01, event.offsetY);
    this.drawSegment(this.pointCount - 2);
    this.onStrokesChanged?.(this.strokes);
  }

  private move(event: PointerEvent): void {
    if (event.pointerId !== this.drawingPointer) return;
    // Pens and touch report more points than animation frames; each one sharpens the curve.
    const events = typeof event.getCoalescedEvents === 'function' ? event.getCoalescedEvents() : [];
    if (events.length === 0) {
      this.addPoint(event.offsetX, event.offsetY);
      this.drawSegment(this.pointCount - 2);
      return;
    }
    for (let k = 0; k < events.length; k++) {
      this.addPoint(events[k].offsetX, events[k].offsetY);
      this.drawSegment(this.pointCount - 2);
    }
  }

  private up(event: PointerEvent): void {
    if (event.pointerId !== this.drawingPointer) return;
    this.drawingPointer = null;
    if (this.canvas.hasPointerCapture(event.pointerId)) this.canvas.releasePointerCapture(event.pointerId);
  }

  private addPoint(xPx: number, yPx: number): void {
    if (2 * (this.pointCount + 1) > this.points.length) {
      const grown = new Float32Array(this.points.length * 2);
      grown.set(this.points);
      this.points = grown;
    }
    this.points[2 * this.pointCount] = xPx / Math.max(1, this.widthPx);
    this.points[2 * this.pointCount + 1] = yPx / Math.max(1, this.heightPx);
    this.pointCount++;
  }

  /** The segment from point `from` to the next, in its stroke's pen. */
  private drawSegment(from: number): void {
    if (from < 0) return;
    const ctx = this.context;
    const p = this.points;
    ctx.strokeStyle = PENS[this.strokePens[this.strokePens.length - 1]].css;
    ctx.beginPath();
    ctx.moveTo(p[2 * from] * this.widthPx * this.scale, p[2 * from + 1] * this.heightPx * this.scale);
    ctx.lineTo(p[2 * from + 2] * this.widthPx * this.scale, p[2 * from + 3] * this.heightPx * this.scale);
    ctx.stroke();
  }

  private redraw(): void {
    const ctx = this.context;
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    const p = this.points;
    const w = this.widthPx * this.scale;
    const h = this.heightPx * this.scale;
    for (let s = 0; s < this.strokeStarts.length; s++) {
      const start = this.strokeStarts[s];
      const end = s + 1 < this.strokeStarts.length ? this.strokeStarts[s + 1] : this.pointCount;
      ctx.strokeStyle = PENS[this.strokePens[s]].css;
      ctx.beginPath();
      ctx.moveTo(p[2 * start] * w, p[2 * start + 1] * h);
      for (let k = start + 1; k < end; k++) ctx.lineTo(p[2 * k] * w, p[2 * k + 1] * h);
      ctx.stroke();
    }
  }

  private resize(force = false): void {
    if (!this.active) return;
    const widthPx = this.host.clientWidth;
    const heightPx = this.host.clientHeight;
    const scale = window.devicePixelRatio || 1;
    if (!force && widthPx === this.widthPx && heightPx === this.heightPx && scale === this.scale) return;
    this.widthPx = widthPx;
    this.heightPx = heightPx;
    this.scale = scale;
    this.canvas.width = Math.max(1, Math.round(widthPx * scale));
    this.canvas.height = Math.max(1, Math.round(heightPx * scale));
    // Resizing resets the context's state.
    this.context.lineWidth = PEN_WIDTH_PX * scale;
    this.context.lineCap = 'round';
    this.context.lineJoin = 'round';
    this.redraw();
  }
}
