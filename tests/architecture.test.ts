/**
 * The layers (docs/architecture.md), checked on the source itself:
 *
 * - no import cycle anywhere under src/ or workers/, type-only imports included;
 * - the engine (src/model) imports nothing outside itself: no DOM, UI, view, store, bridge,
 *   worker, export or command-line module, and no package (it runs in Node, in a worker and in the
 *   tests alike);
 * - the lessons (src/teaching) import only themselves and the engine: they run in Node and in a
 *   worker.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** Every .ts file under a folder of the repository, as repository-relative paths. */
function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.ts')) out.push(relative(ROOT, path));
    }
  };
  walk(join(ROOT, folder));
  return out.sort();
}

/** `import … from '…'`, `export … from '…'`, `import '…'` and `import('…')`, type-only ones included. */
const IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

interface Import {
  specifier: string;
  /** The repository-relative file it resolves to (relative specifiers only), else null. */
  file: string | null;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, '');
  const out: Import[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2];
    if (!specifier.startsWith('.')) {
      out.push({ specifier, file: null });
      continue;
    }
    let target = relative(ROOT, resolve(join(ROOT, dirname(file)), specifier.split('?')[0]));
    // AssemblyScript kernels import without the extension.
    if (!/\.[a-z]+$/.test(target)) target += '.ts';
    out.push({ specifier, file: target });
  }
  return out;
}

/** The cycles of a directed graph (Tarjan's strongly connected components of more than one file, or a self-import). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const FILES = [...sourceFiles('src'), ...sourceFiles('workers')];
const IMPORTS = new Map(FILES.map((f) => [f, importsOf(f)]));

describe('architecture', () => {
  it('finds the imports it checks (the parser works)', () => {
    expect(FILES.length).toBeGreaterThan(150);
    const simulation = IMPORTS.get('src/model/simulation.ts') ?? [];
    expect(simulation.some((i) => i.file === 'src/model/params.ts')).toBe(true);
    // A type-only import counts.
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['a']],
        ]),
      ),
    ).toEqual([['a', 'b']]);
  });

  it('has no import cycle under src/ or workers/ (type-only imports included)', () => {
    const graph = new Map<string, string[]>();
    for (const [file, imports] of IMPORTS) {
      graph.set(
        file,
        imports.flatMap((i) => (i.file === null ? [] : [i.file])),
      );
    }
    expect(cycles(graph)).toEqual([]);
  });

  it('keeps the engine (src/model) free of everything outside it: no DOM, UI, store, worker or package', () => {
    const outside: string[] = [];
    for (const [file, imports] of IMPORTS) {
      if (!file.startsWith('src/model/')) continue;
      for (const i of imports) {
        if (i.file === null || !i.file.startsWith('src/model/')) outside.push(`${file} imports ${i.specifier}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('keeps the lessons (src/teaching) to themselves and the engine', () => {
    const outside: string[] = [];
    for (const [file, imports] of IMPORTS) {
      if (!file.startsWith('src/teaching/')) continue;
      for (const i of imports) {
        const allowed = i.file !== null && (i.file.startsWith('src/teaching/') || i.file.startsWith('src/model/'));
        if (!allowed) outside.push(`${file} imports ${i.specifier}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('uses no browser or clock globals in the engine (document, window, Math.random, Date.now)', () => {
    const found: string[] = [];
    for (const file of FILES) {
      if (!file.startsWith('src/model/')) continue;
      const code = readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const name of ['document.', 'window.', 'navigator.', 'Math.random', 'Date.now', 'localStorage']) {
        if (code.includes(name)) found.push(`${file} uses ${name}`);
      }
    }
    expect(found).toEqual([]);
  });
});
