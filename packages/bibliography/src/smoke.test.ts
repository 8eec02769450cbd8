import { test } from 'vitest';
import { loadBibliographyFile, formatReferenceList } from '@litsynth/bibliography';
test('x', async () => {
  const { entries, diagnostics } = await loadBibliographyFile('sources/references.yaml');
  console.log(diagnostics);
  const t0 = performance.now();
  const list = await formatReferenceList(entries, { format: 'md' });
  console.log(performance.now() - t0);
  console.log(list.output);
  const en = await formatReferenceList(entries.slice(0, 8), { format: 'html', style: 'apa' });
  console.log(en.output);
});
