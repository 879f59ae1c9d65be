/**
 * Platform-qualified ids: `discord:1234`, `slack:C0123`, `console:main`, `discord:dm:42`. Channels, workspaces
 * and users carry their platform in front; this is the one place that makes and takes them apart.
 */

export interface PlatformId {
  /** `discord`, `slack`, `console`. */
  platform: string;
  /** What follows the first colon (may itself contain colons, e.g. `dm:42`). */
  id: string;
}

/** `platform:id`. */
export function platformId(platform: string, id: string): string {
  return `${platform}:${id}`;
}

/** The parts of `platform:id`, or null when there is no platform or no id. */
export function parsePlatformId(value: string): PlatformId | null {
  const colon = value.indexOf(':');
  if (colon <= 0 || colon === value.length - 1) return null;
  return { platform: value.slice(0, colon), id: value.slice(colon + 1) };
}

/** The platform of `platform:id` (the text before the first colon; all of it when there is none). */
export function platformOf(value: string): string {
  const colon = value.indexOf(':');
  return colon < 0 ? value : value.slice(0, colon);
}

/** The id of `value` when it is on `platform` (`idOn('slack', 'slack:C1')` is `C1`), else null. */
export function idOn(platform: string, value: string): string | null {
  const parsed = parsePlatformId(value);
  return parsed?.platform === platform ? parsed.id : null;
}
