import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, parse, relative, resolve } from 'node:path';
import { LitsynthError } from '@litsynth/common';

// Where litsynth may write. An output never replaces an input, never lands in the root or a system
// folder, and never goes to a virtual file system (/proc, /sys, /dev: writing there can spin
// forever in a recursive mkdir, or write to a device).

/** Virtual file systems: nothing of litsynth's belongs anywhere inside them. */
const virtualRoots = ['/proc', '/sys', '/dev'];
/** System folders: no output inside them (a user's own folders are elsewhere). */
const systemTrees = [
  '/bin',
  '/boot',
  '/etc',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32',
  '/sbin',
  '/usr',
  '/System',
  '/Library',
];
/** Folders that hold other folders of the system or of users: no output directly in them. */
const systemFolders = [
  '/home',
  '/Users',
  '/var',
  '/opt',
  '/srv',
  '/mnt',
  '/media',
  '/run',
  '/private',
];

/**
 * A path with the symbolic links of its existing part resolved (the rest as given), so that a link
 * into /proc or to an input file is seen for what it is.
 */
export function realPathOf(path: string): string {
  const absolute = resolve(path);
  const rest: string[] = [];
  let current = absolute;
  for (;;) {
    try {
      return join(realpathSync(current), ...rest.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return absolute;
      rest.push(basename(current));
      current = parent;
    }
  }
}

/** The virtual file system (/proc, /sys, /dev) a path lies in, or undefined. */
export function virtualFileSystemOf(path: string): string | undefined {
  const real = realPathOf(path);
  return virtualRoots.find((root) => inside(real, root));
}

function inside(path: string, folder: string): boolean {
  const relativePath = relative(folder, path);
  return relativePath === '' || (!relativePath.startsWith('..') && !parse(relativePath).root);
}

/** Why a folder is no place for litsynth's outputs, or undefined when it may be written to. */
export function systemFolderReason(path: string): string | undefined {
  const real = realPathOf(path);
  if (parse(real).root === real) return real;
  const virtual = virtualRoots.find((root) => inside(real, root));
  if (virtual) return virtual;
  for (const tree of systemTrees) if (inside(real, tree)) return tree;
  for (const folder of systemFolders) if (real === folder) return folder;
  return undefined;
}

/**
 * Refuses an output folder (or the folder of an output file) that is the root, a system folder or
 * a virtual file system, before anything is created: a usage error (exit 2) naming it.
 */
export function refuseSystemFolder(folder: string, given: string): void {
  const reason = systemFolderReason(folder);
  if (reason === undefined) return;
  throw new LitsynthError(
    'usage',
    `litsynth does not write into ${reason}, a system folder; choose a folder of your own.`,
    {
      file: given,
      messageNb: `litsynth skriver ikke i ${reason}, som er en systemmappe; velg en egen mappe.`,
    },
  );
}

/** A file's identity (device and inode), or undefined when it does not exist. */
function identity(path: string): string | undefined {
  try {
    const info = statSync(path);
    return `${info.dev}:${info.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Refuses outputs that would replace an input: the same path, or the same file under another name
 * (a link). Checked before anything is written; the message names the input as given.
 */
export function refuseOverwritingInputs(
  outputs: readonly string[],
  inputs: readonly string[],
): void {
  const byIdentity = new Map<string, string>();
  const byPath = new Map<string, string>();
  for (const input of inputs) {
    const id = identity(input);
    if (id !== undefined) byIdentity.set(id, input);
    byPath.set(realPathOf(input), input);
  }
  for (const output of outputs) {
    const id = identity(output);
    const input =
      (id === undefined ? undefined : byIdentity.get(id)) ?? byPath.get(realPathOf(output));
    if (input === undefined) continue;
    throw new LitsynthError(
      'usage',
      `The output ${output} would overwrite the input ${input}; nothing was written. Give another --out.`,
      {
        file: input,
        messageNb: `Utdatafilen ${output} ville skrevet over inndatafilen ${input}; ingenting ble skrevet. Oppgi en annen --out.`,
      },
    );
  }
}
