#!/usr/bin/env node
// Adds lock entries for optional, platform-specific packages (darwin, win32, musl ...
// builds of rollup, swc, esbuild ...) that `npm install` left out of package-lock.json
// because the registry it used did not serve them. Without those entries `npm ci`
// refuses the lock file ("Missing: ... from lock file"). The entries carry the version and
// the os/cpu/libc they are for, so npm skips them on other platforms and fetches them
// (by name and version) where they apply. Run after every `npm install` that changes the lock.
import { readFileSync, writeFileSync } from 'node:fs';

const OS = [
  'darwin',
  'win32',
  'android',
  'freebsd',
  'openbsd',
  'openharmony',
  'linux',
  'sunos',
  'aix',
  'netbsd',
];
const CPU = [
  'arm64',
  'x64',
  'ia32',
  'arm',
  'ppc64',
  's390x',
  'riscv64',
  'loong64',
  'mips64el',
  'wasm32',
];
const file = process.argv[2] ?? 'package-lock.json';
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;

/** Where npm would find `name` from the package at `key` (nested first, then up the tree). */
function resolves(key, name) {
  let base = key;
  for (;;) {
    if (packages[base ? `${base}/node_modules/${name}` : `node_modules/${name}`]) return true;
    if (!base) return false;
    const i = base.lastIndexOf('/node_modules/');
    base = i >= 0 ? base.slice(0, i) : '';
  }
}

let added = 0;
for (const [key, node] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(node.optionalDependencies ?? {})) {
    if (resolves(key, name)) continue;
    const parts = name.split('/').pop().split('-');
    const entry = { version: spec.replace(/^[\^~=]/, ''), optional: true };
    if (node.dev) entry.dev = true;
    const os = OS.filter((o) => parts.includes(o));
    const cpu = CPU.filter((c) => parts.includes(c));
    if (os.length) entry.os = [os[0]];
    if (cpu.length) entry.cpu = [cpu[0]];
    if (parts.includes('musl') || parts.includes('musleabihf')) entry.libc = ['musl'];
    else if (os[0] === 'linux') entry.libc = ['glibc'];
    const target = packages[`node_modules/${name}`]
      ? `${key}/node_modules/${name}`
      : `node_modules/${name}`;
    packages[target] = entry;
    added++;
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional platform entries to ${file}`);
