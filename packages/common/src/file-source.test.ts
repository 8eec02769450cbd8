import { describe, expect, it } from 'vitest';
import { memoryFileSource } from './file-source.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('memoryFileSource', () => {
  const source = memoryFileSource({
    'study/study.yaml': bytes('id: x'),
    'study/sources/a.md': bytes('---'),
    'study/sources/b.md': bytes('---'),
    'top.txt': bytes('text'),
  });

  it('tells files from folders and from nothing, however the path is written', async () => {
    expect(
      await Promise.all(
        ['study/study.yaml', './study//sources/', 'study/sources/../study.yaml', 'none', '.'].map(
          (path) => source.kind(path),
        ),
      ),
    ).toEqual(['file', 'folder', 'file', 'missing', 'folder']);
  });

  it('lists the entries of a folder, and refuses a folder that does not exist', async () => {
    expect((await source.list('study')).sort()).toEqual(['sources', 'study.yaml']);
    expect((await source.list('.')).sort()).toEqual(['study', 'top.txt']);
    await expect(source.list('none')).rejects.toThrow('The folder does not exist.');
  });

  it('reads a file by its normalised path', async () => {
    expect(
      new TextDecoder().decode(
        await source.read('./study/study.yaml', { role: 'study file', binary: false }),
      ),
    ).toBe('id: x');
    expect(source.realPath('study/./sources/a.md')).toBe('study/sources/a.md');
  });
});
