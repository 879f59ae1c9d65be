// Lint rules double as architecture rules: the import boundaries below are the
// table in ARCHITECTURE.md, enforced.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const chatSdks = ['discord.js', '@discordjs/*', '@slack/*'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', '.build-test/**', 'coverage/**', 'data/**'] },
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
    files: ['src/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': ['error', {
        patterns: [
          { group: chatSdks, message: 'src/ is platform-neutral: chat SDKs belong in adapters/.' },
          { group: ['**/adapters/**'], message: 'src/ never imports adapters/.' },
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
          { group: ['../sources/**', '../store/**', '../schedule/**', '../commands/**', '../../adapters/**'], message: 'The engine imports nothing outside itself.' },
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
