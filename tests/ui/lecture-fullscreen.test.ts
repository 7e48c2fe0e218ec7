import { describe, expect, it } from 'vitest';
import { toggleFullscreen } from '../../src/ui/lecture/fullscreen.ts';

/** The few members of Document that full screen uses. */
function fakeDocument(options: { enabled: boolean; request?: () => Promise<void> }) {
  const doc = {
    fullscreenElement: null as object | null,
    fullscreenEnabled: options.enabled,
    exitFullscreen: async () => {
      doc.fullscreenElement = null;
    },
    documentElement: {
      requestFullscreen:
        options.request ??
        (async () => {
          doc.fullscreenElement = doc.documentElement;
        }),
    },
  };
  return doc;
}

describe('full screen', () => {
  it('turns on, then off', async () => {
    const doc = fakeDocument({ enabled: true });
    expect(await toggleFullscreen(doc as unknown as Document)).toEqual({ ok: true, on: true });
    expect(doc.fullscreenElement).not.toBeNull();
    expect(await toggleFullscreen(doc as unknown as Document)).toEqual({ ok: true, on: false });
    expect(doc.fullscreenElement).toBeNull();
  });

  it('says why, and what to do instead, when the page may not use it', async () => {
    const outcome = await toggleFullscreen(fakeDocument({ enabled: false }) as unknown as Document);
    expect(outcome).toEqual({
      ok: false,
      message:
        "This browser or page does not allow full screen here; use the browser's own full-screen key instead (F11; on a Mac, Ctrl + Cmd + F).",
    });
  });

  it('says so when the browser refuses the request, and never throws', async () => {
    const doc = fakeDocument({
      enabled: true,
      request: () => Promise.reject(new TypeError('Permissions check failed')),
    });
    const outcome = await toggleFullscreen(doc as unknown as Document);
    expect(outcome).toEqual({
      ok: false,
      message:
        "The browser refused full screen (Permissions check failed); use the browser's own full-screen key instead (F11; on a Mac, Ctrl + Cmd + F).",
    });
  });
});
