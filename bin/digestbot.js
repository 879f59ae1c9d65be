#!/usr/bin/env node
// The installed command. The project runs from its TypeScript sources through
// tsx's loader, so there is no build step between `npm ci` and `npx digestbot`.
import { register } from 'tsx/esm/api';

register();
await import('../adapters/main.ts');
