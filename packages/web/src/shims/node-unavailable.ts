// What the library packages import from Node built-ins that have no meaning in a browser (files,
// threads, the process). The web app's bundle aliases those modules here (vite.config.ts), so
// that modules which merely import them still load; the web app never calls these paths (it hands
// the libraries bytes and text, see src/worker/run-check.ts). A call is a bug: it says so.
// This goes away when the library packages stop importing node:* (issue 10, "a pure engine").

/** The error every stand-in throws: names what was called. */
function unavailable(name: string): () => never {
  return () => {
    throw new Error(
      `${name} is not available in the browser (litsynth web app): this is a bug in litsynth.`,
    );
  };
}

// node:fs and node:fs/promises
export const readFile = unavailable('fs.readFile');
export const readFileSync = unavailable('fs.readFileSync');
export const readdir = unavailable('fs.readdir');
export const readdirSync = unavailable('fs.readdirSync');
export const writeFile = unavailable('fs.writeFile');
export const writeFileSync = unavailable('fs.writeFileSync');
export const stat = unavailable('fs.stat');
export const statSync = unavailable('fs.statSync');
export const existsSync = unavailable('fs.existsSync');
export const mkdir = unavailable('fs.mkdir');
export const mkdirSync = unavailable('fs.mkdirSync');
export const rename = unavailable('fs.rename');
export const rm = unavailable('fs.rm');
export const realpath = unavailable('fs.realpath');
export const realpathSync = unavailable('fs.realpathSync');
export const open = unavailable('fs.open');
export const createWriteStream = unavailable('fs.createWriteStream');
export const promises = {};
// node:worker_threads
export const Worker = unavailable('worker_threads.Worker');
export const parentPort = null;
export const workerData = null;
export const isMainThread = true;
// node:os
export const availableParallelism = unavailable('os.availableParallelism');
export const loadavg = unavailable('os.loadavg');
export const tmpdir = unavailable('os.tmpdir');
export const cpus = unavailable('os.cpus');
// node:url
export const fileURLToPath = unavailable('url.fileURLToPath');
export const pathToFileURL = unavailable('url.pathToFileURL');
// node:child_process
export const spawn = unavailable('child_process.spawn');
export const spawnSync = unavailable('child_process.spawnSync');
export const execFileSync = unavailable('child_process.execFileSync');

export default {};
