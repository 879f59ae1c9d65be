/** Shape of one table case of the figure grammar tests. */
import type { Figure } from '../../../../src/engine/schema.ts';

export type FigureCase = readonly [
  sentence: string,
  kind: Figure['kind'],
  value: number,
  currency: string | null,
  qualifier: Figure['qualifier'] | null,
  extra?: Partial<Pick<Figure, 'valueMax' | 'direction' | 'unit' | 'period' | 'label'>>,
];
