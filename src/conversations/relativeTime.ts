// "5 min ago" for the sidebar. Server clocks drift: a time in the future reads "just now"
// rather than a negative age.
const UNITS: [number, string][] = [
  [365 * 24 * 3600, 'y'],
  [30 * 24 * 3600, 'mo'],
  [7 * 24 * 3600, 'w'],
  [24 * 3600, 'd'],
  [3600, 'h'],
  [60, 'min'],
];

export function relativeTime(date: Date | undefined, now: number): string {
  if (!date || Number.isNaN(date.getTime())) return '';
  const seconds = Math.floor((now - date.getTime()) / 1000);
  if (seconds < 45) return 'just now';
  for (const [size, unit] of UNITS) {
    if (seconds >= size) return `${Math.floor(seconds / size)} ${unit} ago`;
  }
  return '1 min ago';
}
