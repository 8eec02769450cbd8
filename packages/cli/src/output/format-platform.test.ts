import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BibEntry, formatReferenceList } from '@litsynth/bibliography';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeCslResolver } from './csl-files.js';
import { nodeFormatPlatform } from './format-platform.js';

const dir = mkdtempSync(join(tmpdir(), 'litsynth-format-platform-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const book: BibEntry = {
  id: 'berg2019',
  item: {
    id: 'berg2019',
    type: 'book',
    title: 'Om sakte tid',
    author: [{ family: 'Berg', given: 'Anne' }],
    issued: { 'date-parts': [[2019]] },
    publisher: 'Forlaget',
  },
  origin: { file: 'refs.yaml', line: 1 },
};

describe('nodeFormatPlatform', () => {
  it('keeps rendered entries in one file per style and locale in its cache folder, and reads them back', async () => {
    const cacheDir = join(dir, 'cache');
    // en-GB: a locale no other test of this process renders with (the memory cache holds none of it).
    const options = { style: 'apa', locale: 'en-GB', format: 'text' as const };
    const first = await formatReferenceList([book], {
      ...options,
      platform: nodeFormatPlatform({ cacheDir }),
    });
    const files = readdirSync(cacheDir);
    expect(files.map((file) => /^bibliography-[0-9a-f]{16}\.json$/.test(file))).toEqual([true]);
    expect(JSON.parse(readFileSync(join(cacheDir, files[0]!), 'utf8')).version).toEqual(1);
    const second = await formatReferenceList([book], {
      ...options,
      platform: nodeFormatPlatform({ cacheDir }),
    });
    expect(second.output).toEqual(first.output);
    expect(first.output).toEqual('References\n\nBerg, A. (2019). Om sakte tid. Forlaget.\n');
  });
});

describe('nodeCslResolver', () => {
  it('reads a style file a user names, and says which file it cannot read', () => {
    const resolve = nodeCslResolver();
    const file = join(dir, 'mine.csl');
    writeFileSync(file, '<style xmlns="http://purl.org/net/xbiblio/csl"></style>');
    expect(resolve('style', file)).toEqual({
      name: `file:${file}`,
      xml: '<style xmlns="http://purl.org/net/xbiblio/csl"></style>',
    });
    expect(() => resolve('style', join(dir, 'missing.csl'))).toThrow(
      expect.objectContaining({ code: 'file-not-found', file: join(dir, 'missing.csl') }),
    );
    expect(resolve('style', 'no-such-style')).toEqual(undefined);
    expect(resolve('locale', 'nb-NO')?.xml.startsWith('<locale xmlns=')).toEqual(true);
  });
});
