// Lint rules double as architecture rules: the import boundaries below are the
// table in ARCHITECTURE.md, enforced by folder path (import-x resolves every
// import to a file, so a rule holds at every depth). test/unit/lint/ proves
// each rule fires on a fixture.
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const chatSdks = ['discord.js', '@discordjs/*', '@slack/*'];

/**
 * The core's folders, lowest first. A folder imports only folders of a lower layer (and the top-level files
 * errors.ts, ports.ts, config.ts, metrics.ts), so no two folders can import each other, even through a third.
 */
export const LAYERS = [
  ['engine'],
  ['format', 'messages', 'queue', 'search', 'sources', 'store'],
  ['digesting', 'schedule'],
  ['digests'],
  ['chat', 'polling'],
  ['commands'],
  ['bot'],
];

/** One no-restricted-paths zone per folder: it must not import its own layer's other folders or any higher one. */
function layerZones() {
  return LAYERS.flatMap((layer, i) => layer.map((folder) => ({
    target: `./src/${folder}`,
    from: LAYERS.slice(i).flat().filter((other) => other !== folder).map((other) => `./src/${other}`),
    message: `Folder layers (eslint.config.js LAYERS): src/${folder} imports only lower layers.`,
  }))).filter((zone) => zone.from.length > 0);
}

/**
 * Engine stages that must not reach into each other: risks/ and summarize/ share their text helpers
 * (content terms, word counts, line tests) through the neutral src/engine/text/, which imports neither.
 */
function engineStageZones() {
  const summarize = ['./src/engine/summarize', './src/engine/summarize.ts'];
  const message = 'risks/ and summarize/ share text helpers through src/engine/text/, never each other\'s internals.';
  return [
    { target: './src/engine/risks', from: summarize, message },
    { target: summarize, from: './src/engine/risks', message },
    { target: './src/engine/text', from: [...summarize, './src/engine/risks'], message: 'src/engine/text/ is neutral: it imports neither risks/ nor summarize/.' },
  ];
}

export const BOUNDARY_ZONES = [
  { target: './src/engine', from: './src', except: ['./engine'], message: 'The engine imports nothing outside src/engine.' },
  { target: './src/engine', from: ['./adapters', './bench', './test'], message: 'The engine imports nothing outside src/engine.' },
  ...engineStageZones(),
  { target: './src', from: './adapters', message: 'src/ never imports adapters/.' },
  { target: './adapters', from: './src', except: ['./index.ts'], message: 'Adapters import the core only through src/index.ts.' },
  { target: './adapters/discord', from: './adapters/slack', message: 'Discord and Slack never import each other.' },
  { target: './adapters/slack', from: './adapters/discord', message: 'Discord and Slack never import each other.' },
  { target: './adapters/shared', from: ['./adapters/discord', './adapters/slack', './adapters/console'], message: 'adapters/shared is neutral: no platform adapter.' },
  ...layerZones(),
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.build-test/**', 'test/fixtures/lint/**', 'coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // The store is asynchronous: a promise left unawaited (or tested for truth) loses a write or an error.
    files: ['src/**/*.ts', 'adapters/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    ignores: ['test/fixtures/**'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // The cycle fixtures (test/fixtures/lint/cycle/, ignored by `eslint .`) prove no-cycle in test/unit/lint/.
    files: ['src/**/*.ts', 'adapters/**/*.ts', 'test/fixtures/lint/cycle/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'] })],
      // no-cycle reads each imported module: TypeScript files through the TypeScript parser.
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: BOUNDARY_ZONES }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': ['error', {
        patterns: [
          { group: chatSdks, message: 'src/ is platform-neutral: chat SDKs belong in adapters/.' },
        ],
      }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read env only in src/config.ts.' }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: chatSdks, message: 'The engine is platform-neutral.' },
          { group: ['node:fs', 'node:fs/*', 'node:net', 'node:http', 'node:https', 'node:child_process', 'fs', 'net', 'http', 'https'], message: 'The engine is pure: no I/O.' },
        ],
      }],
    },
  },
  {
    files: ['adapters/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['../../src/*/**', '../src/*/**', '!../../src/index.ts', '!../src/index.ts'], message: 'Adapters import the core only through src/index.ts.' },
        ],
      }],
    },
  },
  {
    files: ['adapters/discord/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['../../src/*/**', '!../../src/index.ts'], message: 'Adapters import the core only through src/index.ts.' },
          { group: ['../slack/**', '@slack/*'], message: 'Discord and Slack never import each other.' },
        ],
      }],
    },
  },
  {
    files: ['adapters/slack/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['../../src/*/**', '!../../src/index.ts'], message: 'Adapters import the core only through src/index.ts.' },
          { group: ['../discord/**', 'discord.js', '@discordjs/*'], message: 'Discord and Slack never import each other.' },
        ],
      }],
    },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'max-lines': 'off' },
  },
);
