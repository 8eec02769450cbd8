import { LitsynthError } from '@litsynth/common';

/** `litsynth check`: not built yet; the issue that delivers it replaces this module. */
export async function checkCommand(_path: string, _options: Record<string, unknown>): Promise<number> {
  throw new LitsynthError('usage', 'litsynth check is not available yet.', { messageNb: 'litsynth check er ikke tilgjengelig ennå.' });
}
