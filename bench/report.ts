// What every section hands back, and how it is printed (console) and saved (Markdown).
import type { Machine } from './stats';

export interface Target {
  readonly name: string;
  readonly met: boolean;
  /** The measured value next to the goal, e.g. "59.2 KB ≤ 100 KB". */
  readonly detail: string;
}

export interface Section {
  readonly title: string;
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
  readonly targets: readonly Target[];
  /** How it was measured and how to read it. */
  readonly notes: readonly string[];
}

export function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

export function targetLines(targets: readonly Target[]): string[] {
  return targets.map((t) => `${t.met ? '✓ met   ' : '✗ MISSED'}  ${t.name}: ${t.detail}`);
}

export function sectionMarkdown(section: Section): string {
  return [
    `## ${section.title}`,
    '',
    markdownTable(section.head, section.rows),
    '',
    ...targetLines(section.targets).map((t) => `- ${t}`),
    ...(section.notes.length ? ['', ...section.notes.map((n) => `> ${n}`)] : []),
    '',
  ].join('\n');
}

export function machineMarkdown(m: Machine, extra: Readonly<Record<string, string>>): string {
  const rows: [string, string][] = [
    ['Date', m.date],
    ['CPU', `${m.cpu} × ${m.cores} cores`],
    ['Memory', m.memory],
    ['OS', m.os],
    ['Node', m.node],
    ...Object.entries(extra),
  ];
  return markdownTable(['Machine', ''], rows);
}

export function documentMarkdown(m: Machine, extra: Readonly<Record<string, string>>, sections: readonly Section[], seconds: number): string {
  const targets = sections.flatMap((s) => s.targets);
  const missed = targets.filter((t) => !t.met);
  return [
    '# OpenHands for VS Code: benchmark results',
    '',
    `Written by \`npm run bench\` in ${seconds.toFixed(0)} s. Timings are medians of several runs, each next to a reference measured in the same run.`,
    '',
    machineMarkdown(m, extra),
    '',
    `**Targets:** ${targets.length - missed.length} of ${targets.length} met${missed.length ? ` (missed: ${missed.map((t) => t.name).join('; ')})` : ''}.`,
    '',
    ...sections.map(sectionMarkdown),
  ].join('\n');
}
