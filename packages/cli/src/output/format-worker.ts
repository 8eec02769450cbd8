// Worker thread of the reference list's formatting (format-platform.ts): renders one chunk of
// items and posts the result back.
import { parentPort, workerData } from 'node:worker_threads';
import { type RenderRequest, renderWithCiteproc } from '@litsynth/bibliography';

parentPort?.postMessage(await renderWithCiteproc(workerData as RenderRequest));
