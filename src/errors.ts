/**
 * The project's error type and Result union, re-exported for the rest of the core. They live in
 * src/engine/errors.ts because the engine uses them and imports nothing outside src/engine.
 */
export * from './engine/errors.ts';
