import { LitsynthError } from '@litsynth/common';

/** `litsynth matrix`: not built yet; the issue that delivers it replaces this module. */
export async function matrixCommand(_study: string, _options: Record<string, unknown>): Promise<number> {
  throw new LitsynthError('usage', 'litsynth matrix is not available yet.', { messageNb: 'litsynth matrix er ikke tilgjengelig ennå.' });
}
