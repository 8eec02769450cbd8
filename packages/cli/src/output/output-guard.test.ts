import { linkSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refuseOverwritingInputs, refuseSystemFolder, systemFolderReason } from './output-guard.js';

describe('systemFolderReason', () => {
  it('names the root, system folders and virtual file systems, and nothing of the user', () => {
    const dir = mkdtempSync(join(tmpdir(), 'litsynth-guard-'));
    symlinkSync('/proc/self', join(dir, 'link-to-proc'));
    expect(
      [
        '/',
        '/etc',
        '/etc/litsynth',
        '/usr/local/out',
        '/proc/self/x',
        '/sys',
        '/dev/shm/out',
        '/var',
        '/home',
        join(dir, 'link-to-proc', 'out'),
        join(dir, 'out'),
        '/var/tmp/out',
        '/home/kari/oppgave/out',
      ].map((path) => systemFolderReason(path) ?? null),
    ).toEqual([
      '/',
      '/etc',
      '/etc',
      '/usr',
      '/proc',
      '/sys',
      '/dev',
      '/var',
      '/home',
      '/proc',
      null,
      null,
      null,
    ]);
  });

  it('refuses with a usage error that names the folder as given', () => {
    expect(() => refuseSystemFolder('/', '/')).toThrow(
      expect.objectContaining({
        code: 'usage',
        file: '/',
        message: 'litsynth does not write into /, a system folder; choose a folder of your own.',
        messageNb: 'litsynth skriver ikke i /, som er en systemmappe; velg en egen mappe.',
      }),
    );
  });
});

describe('refuseOverwritingInputs', () => {
  it('refuses an output that is an input: the same path, another spelling of it, or a link to it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'litsynth-guard-'));
    mkdirSync(join(dir, 'study'));
    writeFileSync(join(dir, 'study', 'check.txt'), 'the manuscript');
    linkSync(join(dir, 'study', 'check.txt'), join(dir, 'hard-link.txt'));
    const input = join(dir, 'study', 'check.txt');
    const refusal = (output: string) => {
      try {
        refuseOverwritingInputs([join(dir, 'out.md'), output], [input]);
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect(refusal(input)).toBe(
      `The output ${input} would overwrite the input ${input}; nothing was written. Give another --out.`,
    );
    expect(refusal(join(dir, 'study', '..', 'study', 'check.txt'))).not.toBeNull();
    expect(refusal(join(dir, 'hard-link.txt'))).not.toBeNull();
    expect(refusal(join(dir, 'study', 'check.json'))).toBeNull();
  });
});
