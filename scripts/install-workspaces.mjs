// Installs the workspaces' dependencies (the emulator's, and the library's development tools in tooling/) from the
// lockfile when some are missing: `npm ci` installs only what the library's build needs (see .npmrc), so that a git
// install of the library builds without the test tools, the emulator's SDKs and the browsers.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const read = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));
const needed = read('package.json').workspaces.flatMap((folder) => {
  const manifest = read(`${folder}/package.json`);
  return [manifest.name, ...Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })];
});
const missing = needed.filter((name) => !existsSync(new URL(`node_modules/${name}/package.json`, root)));
if (missing.length > 0) {
  console.error(`Installing the workspaces' dependencies from the lockfile (missing: ${missing.join(', ')})`);
  const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  const result = spawnSync(
    npm[0],
    [...npm[1], 'install', '--workspaces=true', '--include-workspace-root', '--no-save', '--no-audit', '--no-fund'],
    { cwd: root, stdio: 'inherit' },
  );
  process.exit(result.status ?? 1);
}
