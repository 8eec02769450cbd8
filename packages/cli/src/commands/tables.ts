import { LitsynthError } from '@litsynth/common';

/** `litsynth tables`: not built yet; the issue that delivers it replaces this module. */
export async function tablesCommand(_study: string, _options: Record<string, unknown>): Promise<number> {
  throw new LitsynthError('usage', 'litsynth tables is not available yet.', { messageNb: 'litsynth tables er ikke tilgjengelig ennå.' });
}
