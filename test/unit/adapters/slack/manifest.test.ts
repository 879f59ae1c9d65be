/** The Slack app manifest: scopes, the /digest command, the request URL placeholder and the settings. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Yaml = string | boolean | Yaml[] | { [key: string]: Yaml };

function scalar(text: string): string | boolean {
  const t = text.trim();
  if (t === 'true' || t === 'false') return t === 'true';
  return /^".*"$/u.test(t) ? t.slice(1, -1) : t;
}

/**
 * Reads the block YAML subset manifests use: nested maps, lists of scalars and
 * lists of maps, comments and quoted strings. Not a general YAML reader.
 */
function readYaml(text: string): Yaml {
  const lines = text.split('\n')
    .map((raw) => raw.replace(/\s+#.*$/u, '').replace(/^\s*#.*$/u, ''))
    .filter((raw) => raw.trim() !== '')
    .map((raw) => ({ indent: raw.length - raw.trimStart().length, text: raw.trim() }));
  let at = 0;
  function block(indent: number): Yaml {
    if (lines[at]?.text.startsWith('- ')) {
      const list: Yaml[] = [];
      while (lines[at]?.indent === indent && lines[at]?.text.startsWith('- ')) {
        const line = lines[at]!;
        const item = line.text.slice(2);
        if (/^[\w.-]+:(\s|$)/u.test(item)) {
          lines[at] = { indent: indent + 2, text: item };
          list.push(block(indent + 2));
        } else {
          list.push(scalar(item));
          at += 1;
        }
      }
      return list;
    }
    const map: Record<string, Yaml> = {};
    while (lines[at] !== undefined && lines[at]!.indent === indent) {
      const { text: entry } = lines[at]!;
      const colon = entry.indexOf(':');
      const key = entry.slice(0, colon);
      const value = entry.slice(colon + 1).trim();
      at += 1;
      map[key] = value !== '' ? scalar(value) : block(lines[at]?.indent ?? indent);
    }
    return map;
  }
  return block(0);
}

const manifest = readYaml(readFileSync(new URL('../../../../adapters/slack/manifest.yml', import.meta.url), 'utf8')) as Record<string, Record<string, Yaml>>;

describe('Slack app manifest', () => {
  it('given the manifest, then it asks for exactly the bot scopes the adapter uses', () => {
    expect((manifest['oauth_config']?.['scopes'] as Record<string, Yaml>)['bot']).toEqual(['commands', 'chat:write', 'chat:write.public', 'files:write', 'users:read']);
  });

  it('given the manifest, then it declares /digest with a usage hint, the request URL placeholder and escaping on', () => {
    const commands = manifest['features']?.['slash_commands'] as Record<string, Yaml>[];
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatchObject({ command: '/digest', url: 'https://YOUR-HOST/slack/events', should_escape: true });
    expect(String(commands[0]?.['usage_hint'])).toContain('summarize <url>');
    expect(String(commands[0]?.['description']).length).toBeGreaterThan(0);
  });

  it('given the manifest, then Socket Mode and org deploy are off', () => {
    expect(manifest['settings']).toMatchObject({ socket_mode_enabled: false, org_deploy_enabled: false });
  });
});
