import { LitsynthError } from '@litsynth/common';

/** `litsynth init`: not built yet; the issue that delivers it replaces this module. */
export async function initCommand(_dir: string, _options: Record<string, unknown>): Promise<number> {
  throw new LitsynthError('usage', 'litsynth init is not available yet.', { messageNb: 'litsynth init er ikke tilgjengelig ennå.' });
}
