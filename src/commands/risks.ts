/** `/risks <query>`: risks from recent articles of this workspace that match the query. */
import { labelLanguageOf, riskCategoryName } from '../format/risk-category.ts';
import { answerQuery, queryOption } from './figures.ts';
import type { CommandServices } from './services.ts';
import { defineCommand } from './types.ts';

export const risksCommand = defineCommand({
  name: 'risks',
  description: 'Risks from recent articles matching a query',
  adminOnly: false,
  options: [queryOption],
  run: (services: CommandServices, ctx, [query]) => answerQuery(services, ctx.workspaceId, 'Risks', query,
    (d) => d.risks.slice(0, 3).map((r) => `(${riskCategoryName(r.category, labelLanguageOf(d.language))}) ${r.text}`)),
});
