import { LitsynthError } from '@litsynth/common';

/** `litsynth add`: not built yet; the issue that delivers it replaces this module. */
export async function addCommand(_study: string, _file: string, _options: Record<string, unknown>): Promise<number> {
  throw new LitsynthError('usage', 'litsynth add is not available yet.', { messageNb: 'litsynth add er ikke tilgjengelig ennå.' });
}
