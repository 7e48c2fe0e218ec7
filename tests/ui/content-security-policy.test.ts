import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/content-security-policy.ts';

function directive(policy: string, name: string): string[] {
  const found = policy.split('; ').find((d) => d.startsWith(`${name} `));
  if (!found) throw new Error(`no ${name} in ${policy}`);
  return found.split(' ').slice(1);
}

describe('the Content-Security-Policy', () => {
  it('lets the built app start workers only from its own origin, and run no inline style', () => {
    const built = contentSecurityPolicy('build');
    expect(directive(built, 'worker-src')).toEqual(["'self'"]);
    expect(directive(built, 'style-src')).toEqual(["'self'"]);
    expect(built).not.toMatch(/'unsafe-eval'|'unsafe-inline'|worker-src[^;]*blob:/);
  });

  it("allows the dev server's blob: ping worker and inline styles, and nothing else more", () => {
    const built = contentSecurityPolicy('build').split('; ');
    const served = contentSecurityPolicy('serve').split('; ');
    expect(directive(served.join('; '), 'worker-src')).toEqual(["'self'", 'blob:']);
    expect(directive(served.join('; '), 'style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    const changed = served.filter((d, k) => d !== built[k]).map((d) => d.split(' ')[0]);
    expect(changed).toEqual(['style-src', 'worker-src']);
    expect(directive(served.join('; '), 'script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });
});
