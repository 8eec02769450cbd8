// The page: choosing or dropping files, the language switch, progress, the report and downloads.
// The work itself happens in a Web Worker (src/worker/check-worker.ts), so the page never freezes.
import type { Lang } from '@litsynth/common';
import type { FromWorker, ToWorker } from '../worker/messages.js';
import type { Download, InputFile, Outcome } from '../worker/run-check.js';
import { say, uiText } from './ui-text.js';
import './style.css';

const manuscriptExtensions = /\.(docx|docm|pdf|txt|text|md|markdown)$/i;
const bibliographyExtensions = /\.(bib|bibtex|ris|json|ya?ml)$/i;

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const thesisInput = element<HTMLInputElement>('thesis');
const bibliographyInput = element<HTMLInputElement>('bibliography');
const drop = element<HTMLElement>('drop');
const chosen = element<HTMLElement>('chosen');
const progress = element<HTMLProgressElement>('progress');
const message = element<HTMLElement>('message');
const errorBox = element<HTMLElement>('error');
const errorText = element<HTMLElement>('error-text');
const result = element<HTMLElement>('result');
const summary = element<HTMLElement>('summary');
const bibliographySummary = element<HTMLElement>('bibliography-summary');
const downloads = element<HTMLUListElement>('downloads');
const frame = element<HTMLIFrameElement>('report');

interface State {
  lang: Lang;
  thesis?: File;
  bibliographies: File[];
  /** The job the page waits for (0: none). */
  job: number;
  running: boolean;
  outcome?: Outcome;
  /** The job that only presents the last check in another language (its time is not the check's). */
  presenting?: number;
  /** How long the last check took, in seconds. */
  seconds?: number;
  /** What the message line says now, to say it again in the other language. */
  status: () => string;
  objectUrls: string[];
}

const state: State = {
  lang: 'nb',
  bibliographies: [],
  job: 0,
  running: false,
  status: () => say(uiText.idle, state.lang),
  objectUrls: [],
};

// The worker starts with the page and loads only the code every check needs; pdf.js, mammoth,
// citation-js, remark and the style are chunks of their own, which it loads when idle (warm-up,
// below) or when a check first needs them.
const worker = new Worker(new URL('../worker/check-worker.ts', import.meta.url), {
  type: 'module',
  name: 'litsynth-check',
});
worker.onmessage = (event: MessageEvent<FromWorker>) => receive(event.data);

function send(message: ToWorker, transfer: Transferable[] = []): void {
  worker.postMessage(message, transfer);
}

/** Reads the chosen files and hands them to the worker as a new job. */
async function check(): Promise<void> {
  const thesis = state.thesis;
  if (!thesis) return;
  const job = ++state.job;
  state.running = true;
  errorBox.hidden = true;
  setStatus(() => say(uiText.steps.bibliography, state.lang));
  progress.hidden = false;
  progress.value = 0;
  let manuscript: InputFile;
  let bibliographies: InputFile[];
  try {
    const read = async (file: File): Promise<InputFile> => ({
      name: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    manuscript = await read(thesis);
    bibliographies = await Promise.all(state.bibliographies.map(read));
  } catch (error) {
    // The file went away or cannot be read (moved, a folder, no permission): say so, check nothing.
    if (job === state.job)
      receive({
        type: 'failed',
        job,
        message: {
          nb: say(uiText.readFailed, 'nb', { error: String(error) }),
          en: say(uiText.readFailed, 'en', { error: String(error) }),
        },
      });
    return;
  }
  if (job !== state.job) return;
  // The bytes move to the worker (no copy); the page keeps the File objects for a new check.
  send({ type: 'check', job, manuscript, bibliographies, lang: state.lang }, [
    manuscript.bytes.buffer,
    ...bibliographies.map((file) => file.bytes.buffer),
  ]);
}

function receive(data: FromWorker): void {
  if (data.type === 'warm') {
    // For the browser test and the benchmark: from now on no part of the app is fetched any more.
    document.documentElement.dataset.warm = String(data.millis);
    return;
  }
  if (data.job !== state.job) return;
  if (data.type === 'progress') {
    const { step, fraction, page, pages } = data.progress;
    progress.value = fraction;
    setStatus(() =>
      page !== undefined && pages !== undefined
        ? say(uiText.pdfPage, state.lang, { page, pages })
        : say(uiText.steps[step], state.lang),
    );
    return;
  }
  state.running = false;
  progress.hidden = true;
  // How many checks have finished (shown or failed): the browser test and the benchmark wait on it.
  document.body.dataset.finished = String(Number(document.body.dataset.finished ?? '0') + 1);
  if (data.type === 'failed') {
    // Nothing to show in another language: the result of an earlier file is gone with it.
    delete state.outcome;
    errorText.textContent = data.message[state.lang];
    errorBox.hidden = false;
    result.hidden = true;
    setStatus(() => '');
    return;
  }
  // A presentation in another language keeps the time of the check it presents.
  const seconds = data.job === state.presenting ? (state.seconds ?? 0) : data.millis / 1000;
  state.seconds = seconds;
  setStatus(() =>
    say(uiText.done, state.lang, {
      seconds: seconds.toLocaleString(state.lang === 'nb' ? 'nb-NO' : 'en-GB', {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }),
    }),
  );
  show(data.outcome);
}

/** Shows an outcome: the counts, the downloads, and the report in a sandboxed frame. */
function show(outcome: Outcome): void {
  state.outcome = outcome;
  const { citations, errors, warnings, infos } = outcome.summary;
  summary.textContent = say(uiText.summary, state.lang, { citations, errors, warnings, infos });
  // The counts as data, for the browser test to compare with `litsynth check --format json`.
  Object.assign(summary.dataset, {
    citations: String(citations),
    errors: String(errors),
    warnings: String(warnings),
    infos: String(infos),
  });
  bibliographySummary.textContent = say(
    uiText.bibliographySummary,
    state.lang,
    outcome.bibliography,
  );
  for (const url of state.objectUrls) URL.revokeObjectURL(url);
  state.objectUrls = [];
  downloads.replaceChildren(...outcome.downloads.map(downloadItem));
  // The report runs its own filter script, pinned by hash in its policy and in the page's; the
  // sandbox (no allow-same-origin) keeps it away from the page, and its text is escaped data. A
  // data: URL: the report's links to its own parts (#problems) stay in it. In a srcdoc frame they
  // resolve against the page's address (and load the page into the frame); in a sandboxed blob:
  // frame Chromium refuses them.
  const report = outcome.downloads.find((download) => download.kind === 'report')?.content ?? '';
  const bytes = typeof report === 'string' ? new TextEncoder().encode(report) : report;
  frame.src = `data:text/html;charset=utf-8;base64,${base64(bytes)}`;
  frame.addEventListener('load', () => performance.mark('litsynth-report-loaded'), { once: true });
  performance.mark('litsynth-result-shown');
  result.hidden = false;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

function downloadItem(download: Download): HTMLLIElement {
  const type =
    typeof download.content === 'string' ? `${download.type};charset=utf-8` : download.type;
  const url = URL.createObjectURL(new Blob([download.content as BlobPart], { type }));
  state.objectUrls.push(url);
  const link = document.createElement('a');
  link.href = url;
  link.download = download.name;
  link.textContent = say(uiText.downloads[download.kind], state.lang, { name: download.name });
  const item = document.createElement('li');
  item.append(link);
  return item;
}

function setStatus(status: () => string): void {
  state.status = status;
  message.textContent = status();
}

function showChosen(): void {
  const lang = state.lang;
  chosen.replaceChildren();
  if (!state.thesis) {
    chosen.append(paragraph(say(uiText.chosenNone, lang)));
  } else {
    chosen.append(paragraph(`${say(uiText.chosenThesis, lang)}: ${state.thesis.name}`));
  }
  if (state.bibliographies.length > 0) {
    chosen.append(
      paragraph(
        `${say(uiText.chosenReferences, lang)}: ${state.bibliographies.map((file) => file.name).join(', ')}`,
      ),
    );
    const clear = document.createElement('button');
    clear.type = 'button';
    clear.textContent = say(uiText.clearReferences, lang);
    clear.addEventListener('click', () => {
      state.bibliographies = [];
      bibliographyInput.value = '';
      showChosen();
      void check();
    });
    chosen.append(clear);
  }
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

/** Puts every text of the page in a language; a shown result is presented again in it. */
function applyLanguage(lang: Lang): void {
  state.lang = lang;
  document.documentElement.lang = lang;
  document.title = say(uiText.documentTitle, lang);
  for (const node of document.querySelectorAll<HTMLElement>('[data-text]')) {
    const text = uiText[node.dataset.text as keyof typeof uiText] as
      | { nb: string; en: string }
      | undefined;
    if (text) node.textContent = text[lang];
  }
  for (const node of document.querySelectorAll<HTMLElement>('[data-label]')) {
    const text = uiText[node.dataset.label as keyof typeof uiText] as
      | { nb: string; en: string }
      | undefined;
    if (!text) continue;
    if (node instanceof HTMLIFrameElement) node.title = text[lang];
    else node.setAttribute('aria-label', text[lang]);
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.lang === lang));
  }
  message.textContent = state.status();
  showChosen();
  if (state.running) void check();
  else if (state.outcome) {
    state.job++;
    state.running = true;
    state.presenting = state.job;
    send({ type: 'present', job: state.job, lang });
  }
}

/**
 * Sorts files by what they are: a manuscript (the last one given wins) and bibliography files. A
 * dropped file that is neither (an .odt, a .doc) is taken as the thesis when no thesis was dropped
 * with it: the check then says what it is and what to save it as.
 */
function takeFiles(files: readonly File[], from: 'thesis' | 'bibliography' | 'drop'): void {
  let changed = false;
  const known = (file: File) =>
    manuscriptExtensions.test(file.name) || bibliographyExtensions.test(file.name);
  if (from === 'drop' && !files.some((file) => manuscriptExtensions.test(file.name))) {
    const other = files.find((file) => !known(file));
    if (other) {
      state.thesis = other;
      changed = true;
    }
  }
  for (const file of files) {
    if (from !== 'bibliography' && manuscriptExtensions.test(file.name)) {
      state.thesis = file;
      changed = true;
    } else if (from !== 'thesis' && bibliographyExtensions.test(file.name)) {
      if (!state.bibliographies.some((known) => known.name === file.name))
        state.bibliographies.push(file);
      else
        state.bibliographies = state.bibliographies.map((known) =>
          known.name === file.name ? file : known,
        );
      changed = true;
    } else if (from === 'thesis') {
      // Any other file chosen as the thesis is read, and refused with a message if it is no thesis.
      state.thesis = file;
      changed = true;
    }
  }
  showChosen();
  if (changed) {
    // The benchmark (scripts/bench/web-check.mjs) measures from here to the report shown.
    performance.mark('litsynth-files-chosen');
    void check();
  }
}

thesisInput.addEventListener('change', () => takeFiles([...(thesisInput.files ?? [])], 'thesis'));
bibliographyInput.addEventListener('change', () => {
  state.bibliographies = [];
  takeFiles([...(bibliographyInput.files ?? [])], 'bibliography');
});
for (const type of ['dragenter', 'dragover'] as const) {
  document.addEventListener(type, (event) => {
    event.preventDefault();
    drop.classList.add('dragging');
  });
}
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget === null) drop.classList.remove('dragging');
});
document.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('dragging');
  takeFiles([...(event.dataTransfer?.files ?? [])], 'drop');
});
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
  button.addEventListener('click', () => applyLanguage(button.dataset.lang === 'en' ? 'en' : 'nb'));
}

applyLanguage(new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'nb');

// Once the page is idle, the worker loads (and warms) every part a check may need: the page then
// keeps working without a network, and the first check is faster.
const warmUpWhenIdle = () => {
  performance.mark('litsynth-warm-up');
  send({ type: 'warm-up' });
};
if ('requestIdleCallback' in window) requestIdleCallback(warmUpWhenIdle, { timeout: 2000 });
else setTimeout(warmUpWhenIdle, 1000);
