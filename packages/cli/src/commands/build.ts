import { LitsynthError } from '@litsynth/common';

/** `litsynth build`: not built yet; the issue that delivers it replaces this module. */
export async function buildCommand(_study: string, _options: Record<string, unknown>): Promise<number> {
  throw new LitsynthError('usage', 'litsynth build is not available yet.', { messageNb: 'litsynth build er ikke tilgjengelig ennå.' });
}
