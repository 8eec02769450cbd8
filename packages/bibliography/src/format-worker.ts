// Worker thread of renderBibliography: renders one chunk of items and posts the result back.
import { parentPort, workerData } from 'node:worker_threads';
import { loadCitationJs } from './citation-js.js';
import type { CslResource } from './styles.js';
import type { CslItem } from './types.js';

const data = workerData as {
  items: CslItem[];
  style: CslResource;
  locale: CslResource;
  format: 'html' | 'text';
  hyperlinks: boolean;
};
const citationJs = await loadCitationJs();
citationJs.addTemplate(data.style.name, data.style.xml);
citationJs.addLocale(data.locale.name, data.locale.xml);
parentPort?.postMessage(
  citationJs.render(data.items, {
    template: data.style.name,
    lang: data.locale.name,
    format: data.format,
    hyperlinks: data.hyperlinks,
  }),
);
