/**
 * For the browser benchmarks: their command-line flags (`--name value`) and the median they report.
 */

/** `flag(name, fallback)`: the value after `--name` in args, or the fallback. */
export function flagReader(args) {
  return (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : fallback;
  };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
