/**
 * The description under a parameter shows while that control has focus. It sits in the page's
 * flow (it never covers another control), so hiding it moves what is below; if that happened
 * when a press elsewhere takes the focus, the page would shift under the pointer between press
 * and release and the click would miss. So a hint appears at once, and disappears only after
 * the press that moved the focus away has finished.
 */
const SHOWN = 'is-focused';

export function keepHintsSteady(host: HTMLElement): void {
  let pressing = false;
  const leaving = new Set<HTMLElement>();
  const hideLeft = (): void => {
    for (const param of leaving) {
      if (!param.contains(document.activeElement)) param.classList.remove(SHOWN);
    }
    leaving.clear();
  };
  host.addEventListener('focusin', (event) => {
    const param = (event.target as Element).closest<HTMLElement>('.param');
    if (!param) return;
    leaving.delete(param);
    param.classList.add(SHOWN);
  });
  host.addEventListener('focusout', (event) => {
    const param = (event.target as Element).closest<HTMLElement>('.param');
    if (!param || param.contains(event.relatedTarget as Node | null)) return;
    leaving.add(param);
    if (!pressing) hideLeft();
  });
  document.addEventListener(
    'pointerdown',
    () => {
      pressing = true;
    },
    true,
  );
  const released = (): void => {
    pressing = false;
    // After this press's mouseup and click, which the same input task dispatches.
    setTimeout(hideLeft, 0);
  };
  document.addEventListener('pointerup', released, true);
  document.addEventListener('pointercancel', released, true);
}
