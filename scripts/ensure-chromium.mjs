// Makes sure Debian's Chromium is there for the browser test: installs it with apt-get when we
// are root (a fresh CI machine), otherwise says how. Never downloads a browser build of its own.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = '/usr/bin/chromium';
if (!existsSync(chromium)) {
  if (process.getuid?.() === 0) {
    console.log('Installing Debian chromium for the browser test (apt-get)…');
    const run = (args) =>
      execFileSync('apt-get', args, {
        stdio: 'inherit',
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      });
    run(['update', '-qq']);
    run(['install', '-y', '-qq', 'chromium']);
  } else {
    console.warn(
      `${chromium} is missing: install it with "sudo apt-get install -y chromium" to run the browser test.`,
    );
  }
}
