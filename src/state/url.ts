/**
 * Parameters from the page address (`?seed=7&gaba=0.8`): the same keys and the same validation
 * as the command line and scenario files. A bad entry is reported and left out; the rest apply.
 */
import { isParamKey, ParamError, type Params, parseParamText, withParams } from '../model/params.ts';

export interface ParamsFromAddress {
  params: Params;
  /** One line per entry that was left out, saying why. */
  problems: string[];
}

export function paramsFromQuery(search: string, base: Params): ParamsFromAddress {
  let params = base;
  const problems: string[] = [];
  for (const [key, text] of new URLSearchParams(search)) {
    if (!isParamKey(key)) {
      problems.push(`unknown parameter "${key}"`);
      continue;
    }
    try {
      params = withParams(params, { [key]: parseParamText(key, text) });
    } catch (error) {
      if (!(error instanceof ParamError)) throw error;
      problems.push(error.message);
    }
  }
  return { params, problems };
}
