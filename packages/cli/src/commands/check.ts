/** `litsynth check`: see packages/check. Implemented in the check issue. */
export async function checkCommand(_path: string, _options: Record<string, unknown>): Promise<number> {
  process.stderr.write('litsynth check: not built yet\n');
  return 2;
}
