/** The trial panel's estimate of the time a running trial still needs (trial-panel.ts). */

/**
 * The time a running trial still needs, in words, from its pace so far: the patients still to run
 * at the mean wall time per patient finished. Null until every worker has finished one patient
 * (before that the workers' first patients are all still running, and the pace would read too
 * slow) and once all are done. Patients differ (one who is seizure-free on the first drug is
 * watched twice, a refractory one four times), so it is an estimate and says "about".
 */
export function remainingText(elapsedS: number, done: number, total: number, workers: number): string | null {
  if (!(done >= Math.max(1, workers) && done < total && elapsedS > 0)) return null;
  const leftS = (elapsedS / done) * (total - done);
  if (leftS < 60) return 'less than a minute left';
  const minutes = Math.round(leftS / 60);
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `about ${hours} h${rest > 0 ? ` ${rest} min` : ''} left`;
}
