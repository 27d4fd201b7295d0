// A session's browser in words ("Chrome 131 on macOS") from its raw User-Agent header, for the sessions page. Only
// the common browsers and systems are named; anything else is shown as its raw text, shortened, since a wrong
// name would be worse than an unreadable one. Pure, so it runs in the browser and in tests alike.

/** How long the raw text of an agent no browser is recognised in may be when shown. */
export const RAW_AGENT_SHOWN = 60;

// In the order tried: Edge, Opera and Samsung Internet also say "Chrome", and Chrome also says "Safari".
const BROWSERS: [name: string, version: RegExp][] = [
  ["Edge", /\b(?:Edg|EdgA|EdgiOS|Edge)\/(\d+)/],
  ["Opera", /\b(?:OPR|OPiOS)\/(\d+)/],
  ["Samsung Internet", /\bSamsungBrowser\/(\d+)/],
  ["Firefox", /\b(?:Firefox|FxiOS)\/(\d+)/],
  ["Headless Chrome", /\bHeadlessChrome\/(\d+)/],
  ["Chrome", /\b(?:Chrome|CriOS|Chromium)\/(\d+)/],
  ["Safari", /\bVersion\/(\d+)(?:\.\d+)*(?: Mobile\/\w+)? Safari\//],
];

// iOS and Android before macOS and Linux: an iPad may say "Mac OS X", Android says "Linux".
const SYSTEMS: [name: string, marker: RegExp][] = [
  ["iOS", /\b(?:iPhone|iPad|iPod)\b/],
  ["Android", /\bAndroid\b/],
  ["Windows", /\bWindows\b/],
  ["ChromeOS", /\bCrOS\b/],
  ["macOS", /\bMac OS X\b|\bMacintosh\b/],
  ["Linux", /\bLinux\b/],
];

/** "Chrome 131 on macOS", "Firefox 133" (no known system), or the raw text shortened when no browser is known. */
export function describeUserAgent(raw: string): string {
  const browser = BROWSERS.map(([name, version]) => ({ name, version: version.exec(raw)?.[1] })).find((b) => b.version);
  if (!browser) return raw.length > RAW_AGENT_SHOWN ? `${raw.slice(0, RAW_AGENT_SHOWN - 1)}…` : raw;
  const system = SYSTEMS.find(([, marker]) => marker.test(raw))?.[0];
  return `${browser.name} ${browser.version}${system ? ` on ${system}` : ""}`;
}
