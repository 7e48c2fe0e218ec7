/**
 * The compact page for course pages (`?embed=1`, usually in an iframe): the sheet, the activity
 * plots, the transport (play/pause, step, restart), what the network is doing, and a link to the
 * full simulator with the same settings. The title, the "educational model, not medical advice"
 * line, the flashing notice and its behaviour stay; the controls, the patient panel, saving,
 * lecture mode and the legend are left out (src/ui/embed.css), and `embed=1` stays in the address.
 */
import './embed.css';
import { ADDRESS_KEYS } from '../state/url.ts';

/** The page's address without `embed`: the full simulator with whatever is set now. */
export function fullSimulatorHref(location: Pick<Location, 'origin' | 'pathname' | 'search' | 'hash'>): string {
  const query = new URLSearchParams(location.search);
  query.delete(ADDRESS_KEYS.embed);
  const search = query.toString();
  return `${location.origin}${location.pathname}${search ? `?${search}` : ''}${location.hash}`;
}

/** Turn the page compact and add the link; `linkHost` is where the link goes (under the status). */
export function mountEmbedMode(doc: Document, linkHost: HTMLElement): void {
  doc.body.classList.add('embed');
  const link = doc.createElement('a');
  link.id = 'open-full';
  link.className = 'open-full';
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = 'Open the full simulator';
  const refresh = (): void => {
    link.href = fullSimulatorHref(window.location);
  };
  refresh();
  // The address follows what the user sets; the link takes it at the moment it is used.
  for (const event of ['pointerdown', 'focus', 'mouseenter', 'contextmenu', 'keydown']) {
    link.addEventListener(event, refresh);
  }
  const line = doc.createElement('p');
  line.className = 'open-full-line';
  line.append(link, ' (opens in a new tab, with these settings, the controls, drugs and lessons)');
  linkHost.append(line);
}
