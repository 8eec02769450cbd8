import { LitsynthError } from '@litsynth/common';

/** `litsynth bib`: not built yet; the issue that delivers it replaces this module. */
export async function bibCommand(_study: string | undefined, _options: Record<string, unknown>): Promise<number> {
  throw new LitsynthError('usage', 'litsynth bib is not available yet.', { messageNb: 'litsynth bib er ikke tilgjengelig ennå.' });
}
