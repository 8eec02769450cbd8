// Makes sure Debian's pandoc and LibreOffice (headless Writer) are there for the tests that open
// an annotated .docx with real readers: installs them with apt-get when we are root (a fresh CI
// machine), otherwise says how. Never downloads a build of its own.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const readers = [
  { command: '/usr/bin/pandoc', packages: ['pandoc'] },
  // fonts-dejavu-core: LibreOffice needs a font to lay out a PDF.
  { command: '/usr/bin/soffice', packages: ['libreoffice-writer-nogui', 'fonts-dejavu-core'] },
];
const missing = readers.filter((reader) => !existsSync(reader.command));
if (missing.length > 0) {
  const packages = missing.flatMap((reader) => reader.packages);
  if (process.getuid?.() === 0) {
    console.log(
      `Installing Debian ${packages.join(', ')} for the annotated .docx tests (apt-get)…`,
    );
    const run = (args) =>
      execFileSync('apt-get', args, {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    run(['update', '-qq']);
    run(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
  } else {
    console.warn(
      `${missing.map((reader) => reader.command).join(' and ')} missing: install with "sudo apt-get install -y ${packages.join(' ')}" to run the annotated .docx tests.`,
    );
  }
}
