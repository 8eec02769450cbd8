// The web app's worker: reads and checks the files the page hands it, so the page never freezes.
// Nothing here sends anything anywhere; the files stay in this worker's memory.
import { Buffer } from '../shims/node-buffer.js';
import type { FromWorker, ToWorker } from './messages.js';
import { type Analysis, analyse, failureMessage, type Progress, present } from './run-check.js';

// The .docx reader decodes base64 (fields of reference managers, images) with Node's Buffer, and
// common decodes Windows-1252 text through it: a stand-in with what they use (worker only).
(globalThis as { Buffer?: unknown }).Buffer ??= Buffer;

const scope = globalThis as unknown as {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
};
/** The newest check asked for, and the analysis of the newest finished check (for 'present'). */
let newest = 0;
let latest: Analysis | undefined;
/** Checks (and presentations) in progress: the warm-up waits for them. */
let running = 0;

scope.onmessage = (event) => {
  void handle(event.data);
};

async function handle(message: ToWorker): Promise<void> {
  const started = performance.now();
  if (message.type === 'warm-up') {
    // A chunk of its own: the tiny documents it makes need a zip writer the core does not.
    const { warmUp } = await import('./warm-up.js');
    await warmUp(() => running > 0);
    scope.postMessage({ type: 'warm', millis: Math.round(performance.now() - started) });
    return;
  }
  const { job } = message;
  if (message.type === 'check') newest = Math.max(newest, job);
  const onProgress = (progress: Progress) => scope.postMessage({ type: 'progress', job, progress });
  running++;
  try {
    let analysis: Analysis;
    if (message.type === 'check') {
      analysis = await analyse(
        { manuscript: message.manuscript, bibliographies: message.bibliographies },
        onProgress,
      );
      // A check the page no longer waits for is dropped.
      if (job !== newest) return;
      latest = analysis;
    } else {
      if (!latest) throw new Error('nothing to present: no file has been checked');
      analysis = latest;
    }
    const outcome = await present(analysis, message.lang, onProgress);
    scope.postMessage({
      type: 'done',
      job,
      outcome,
      millis: Math.round(performance.now() - started),
    });
  } catch (error) {
    scope.postMessage({ type: 'failed', job, message: failureMessage(error) });
  } finally {
    running--;
  }
}
