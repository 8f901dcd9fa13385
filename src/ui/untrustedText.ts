// Notifications turn `[label](https://…)`, `[label](command:…)` and `[label](file:…)` in their
// text into links, and a clicked command link runs with its arguments. Titles, status details
// and error details come from the server (or from an agent that read a hostile repository),
// so before such text reaches a notification its link syntax is broken up: it still reads
// the same, but nothing in it can be clicked.

/** A zero-width space between `]` and `(` is enough: links need the two to touch. */
const ZERO_WIDTH_SPACE = '\u200b';

export function withoutLinks(text: string): string {
  return text.replace(/\]\s*\(/g, (match) => `]${ZERO_WIDTH_SPACE}${match.slice(1)}`);
}
