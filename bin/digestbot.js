#!/usr/bin/env node
// The installed command: runs the compiled bot in dist/ (`npm run build`, which `npm ci` runs through the
// `prepare` script). Plain node, no TypeScript loader at run time (ADR 0004). To run the TypeScript sources
// instead, use `npm run dev` or `node --import tsx adapters/main.ts` (tsx is a development dependency).
import { existsSync } from 'node:fs';

const main = new URL('../dist/adapters/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('error: the bot is not built (no dist/adapters/main.js): run `npm run build` (npm ci does it)\n');
  process.exit(1);
}
await import(main.href);
