/**
 * The log of seizure-like events, newest first: onset, duration ("ongoing" while it lasts) and
 * where it began. Items are added when an event starts and rewritten once when it ends; nothing
 * else touches the DOM. Not a live region: the status line announces events.
 */
import type { SeizureEvent } from '../../model/detect/seizure.ts';
import type { Lesion } from '../../model/params.ts';
import { eventText } from './events.ts';

export class EventLog {
  readonly element: HTMLElement;
  private readonly list: HTMLOListElement;
  private readonly empty: HTMLElement;
  private readonly items: HTMLLIElement[] = [];
  /** offsetMs of each event as shown (null: shown as ongoing). */
  private readonly shownOffsets: (number | null)[] = [];
  private lesion: Lesion | null = null;

  constructor(doc: Document, idPrefix: string) {
    this.element = doc.createElement('div');
    this.element.className = 'plots-events';
    const heading = doc.createElement('h3');
    heading.id = `${idPrefix}-events-title`;
    heading.textContent = 'Seizure-like events';
    this.empty = doc.createElement('p');
    this.empty.className = 'plots-events-empty';
    this.empty.textContent = 'None so far.';
    this.list = doc.createElement('ol');
    this.list.className = 'plots-events-list';
    this.list.reversed = true;
    this.list.setAttribute('aria-labelledby', heading.id);
    this.list.setAttribute('aria-live', 'off');
    // A long session's log scrolls (plots.css); a scrolling region must be reachable by keyboard.
    this.list.tabIndex = 0;
    this.element.append(heading, this.empty, this.list);
    this.clear(null);
  }

  /** A new network: its lesion (for "inside the lesion"), and no events. */
  clear(lesion: Lesion | null): void {
    this.lesion = lesion;
    this.items.length = 0;
    this.shownOffsets.length = 0;
    this.list.replaceChildren();
    this.list.hidden = true;
    this.empty.hidden = false;
  }

  /** The events of the newest frame; compares numbers, and writes only what changed. */
  show(events: readonly SeizureEvent[]): void {
    for (let i = 0; i < events.length; i++) {
      const event = events[i];
      if (i < this.items.length) {
        if (this.shownOffsets[i] === event.offsetMs) continue;
        this.items[i].textContent = eventText(event, this.lesion);
        this.shownOffsets[i] = event.offsetMs;
        continue;
      }
      const item = this.list.ownerDocument.createElement('li');
      item.textContent = eventText(event, this.lesion);
      this.list.prepend(item);
      this.items.push(item);
      this.shownOffsets.push(event.offsetMs);
      this.list.hidden = false;
      this.empty.hidden = true;
    }
  }

  get count(): number {
    return this.items.length;
  }
}
