/**
 * Full screen on request (the Fullscreen API). The browser may refuse — no API, an embedding
 * page that forbids it, no user gesture — and then the lecturer is told why and what to do
 * instead, never left wondering.
 */

export type FullscreenOutcome = { ok: true; on: boolean } | { ok: false; message: string };

const INSTEAD = "use the browser's own full-screen key instead (F11; on a Mac, Ctrl + Cmd + F)";

export function isFullscreen(doc: Document = document): boolean {
  return doc.fullscreenElement !== null && doc.fullscreenElement !== undefined;
}

/** Full screen on (the whole page) or off; resolves with the outcome, never rejects. */
export async function toggleFullscreen(doc: Document = document): Promise<FullscreenOutcome> {
  try {
    if (isFullscreen(doc)) {
      await doc.exitFullscreen();
      return { ok: true, on: false };
    }
    if (!doc.fullscreenEnabled || typeof doc.documentElement.requestFullscreen !== 'function') {
      return { ok: false, message: `This browser or page does not allow full screen here; ${INSTEAD}.` };
    }
    await doc.documentElement.requestFullscreen({ navigationUI: 'hide' });
    return { ok: true, on: true };
  } catch (error) {
    const reason = error instanceof Error && error.message ? ` (${error.message})` : '';
    return { ok: false, message: `The browser refused full screen${reason}; ${INSTEAD}.` };
  }
}
