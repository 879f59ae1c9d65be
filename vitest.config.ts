import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          env: { TZ: 'UTC' },
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.int.test.ts'],
          env: { TZ: 'UTC' },
          testTimeout: 30_000,
        },
      },
    ],
    coverage: { include: ['src/**/*.ts'], provider: 'v8' },
  },
});
