/**
 * `npm run campaign:abuse [-- --quick] [-- --json]`: SSRF and resource attacks through `/sources add` and
 * `/summarize` on the real core and guarded HTTP client, non-admin attempts at admin commands on Discord and
 * Slack (real discord.js and Bolt against the local fakes), and forged or replayed Slack requests.
 * Prints the per-case table and the totals; exits 1 when an attack got through or a refusal was not audited.
 */
import { abuseReport, formatAttackTable, isCorrectnessRow, runAbuseCampaign } from './abuse/campaign.ts';
import { parseCampaignFlags, printReport } from './lib/report.ts';

const flags = parseCampaignFlags();
const result = await runAbuseCampaign({ quick: flags.quick });
const report = abuseReport(result, `npm run campaign:abuse${flags.quick ? ' -- --quick' : ''}`);
if (flags.json) {
  report.details = { ...report.details, table: [...result.ssrf.rows, ...result.nonAdmin, ...result.slackAuth.rows] };
} else {
  process.stdout.write(`${formatAttackTable(result)}\n`);
}
printReport(report, flags, isCorrectnessRow);
