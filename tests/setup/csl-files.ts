// Every test process reads CSL styles and locales from disk, as the CLI does (run-cli.ts): the
// library packages have no file system of their own.
import { useNodeCslFiles } from '../../packages/cli/src/output/csl-files.js';

useNodeCslFiles();
