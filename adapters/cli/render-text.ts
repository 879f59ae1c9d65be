/** Renders a digest as readable terminal text. */
import { formatFigureValue, riskCategoryName, type Digest, type LabelLanguage } from '../../src/index.ts';

const RULE = '─'.repeat(72);

function wrap(text: string, indent: string, width = 88): string {
  const words = text.split(/\s+/u);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((l, i) => (i === 0 ? l : indent + l)).join('\n');
}

/** `reader`: the language the reader asked for (`digest --lang`); headings and figure notation follow it. @defaultValue the article's */
export function renderDigestText(digest: Digest, reader?: LabelLanguage): string {
  const lang: LabelLanguage = reader ?? (digest.language === 'de' ? 'de' : 'en');
  const out: string[] = [RULE, digest.title ?? '(untitled)'];
  const meta = [digest.language, digest.published, digest.url].filter((v) => v !== null && v !== '');
  out.push(meta.join(' · '), '');
  if (digest.warnings.length > 0) {
    for (const w of digest.warnings) out.push(`  ! ${wrap(w, '    ')}`);
    out.push('');
  }
  out.push(lang === 'de' ? 'Zusammenfassung' : 'Summary');
  for (const s of digest.summary) out.push(`  • ${wrap(s, '    ')}`);
  out.push('', lang === 'de' ? 'Kennzahlen' : 'Key figures');
  if (digest.figures.length === 0) out.push('  (none)');
  for (const f of digest.figures) {
    out.push(`  • ${wrap(`${f.label}: ${formatFigureValue(f, lang)}  «${f.text}»`, '    ')}`);
  }
  out.push('', lang === 'de' ? 'Risiken' : 'Risks');
  if (digest.risks.length === 0) out.push('  (none)');
  for (const r of digest.risks) out.push(`  • [${riskCategoryName(r.category, lang)}] ${wrap(r.text, '    ')}`);
  return out.join('\n');
}
