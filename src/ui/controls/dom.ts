/** A small element builder for the controls: attributes as strings, children as nodes or text. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | boolean>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children);
  return element;
}

/** An element with an optional class and text: the panels' builder where attributes are few. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Show a problem next to a control (a role="alert" element), or hide it with null. */
export function showProblem(element: HTMLElement, message: string | null): void {
  element.textContent = message ?? '';
  element.hidden = message === null;
}

/** The user-facing message of an error the store raises for bad input; anything else is a bug and rethrown. */
export function messageOf(error: unknown, ...expected: (abstract new (...args: never[]) => Error)[]): string {
  if (expected.some((kind) => error instanceof kind)) return (error as Error).message;
  throw error;
}

/**
 * A message as a sentence on the page: a leading plain word gets a capital ("unknown drug…" →
 * "Unknown drug…"); a leading key or regimen ("gaba=9 is not allowed…") stays as typed.
 */
export function sentence(message: string): string {
  return /^[a-z]+ /.test(message) ? message[0].toUpperCase() + message.slice(1) : message;
}

/** Replace an element's text only when it differs (a live region re-announces any replacement). */
export function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}
