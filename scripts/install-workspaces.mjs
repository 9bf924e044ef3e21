// Installs the emulator workspace's dependencies from the lockfile when they are missing: `npm ci` installs the
// library alone (see .npmrc), so that a git install of the library builds without the emulator's SDKs and browsers.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('emulator/package.json', root), 'utf8'));
const needed = [
  manifest.name,
  ...Object.keys(manifest.dependencies ?? {}),
  ...Object.keys(manifest.devDependencies ?? {}),
];
const missing = needed.filter((name) => !existsSync(new URL(`node_modules/${name}/package.json`, root)));
if (missing.length > 0) {
  console.error(`Installing the emulator workspace's dependencies from the lockfile (missing: ${missing.join(', ')})`);
  const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  const result = spawnSync(
    npm[0],
    [...npm[1], 'install', '--workspaces=true', '--include-workspace-root', '--no-save', '--no-audit', '--no-fund'],
    { cwd: root, stdio: 'inherit' },
  );
  process.exit(result.status ?? 1);
}
