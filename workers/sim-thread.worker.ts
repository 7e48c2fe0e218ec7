/**
 * A helper thread of the live sheet (src/model/parallel): started by the simulation worker
 * (workers/simulation.worker.ts), it is sent the kernels' module, the shared memory and its share,
 * and runs runHelper until told to exit. runHelper writes any failure into the shared control
 * words, which the coordinator watches; a script that fails to load is reported by the spawner.
 */
import { runHelper } from '../src/model/parallel/helper.ts';
import type { HelperInit } from '../src/model/parallel/team.ts';

self.onmessage = (event: MessageEvent<HelperInit>) => runHelper(event.data);
