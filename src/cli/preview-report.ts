import { styleText } from 'node:util';
import type { PatchPreview } from '../describe/preview-patch.js';
import { jsonText, terminalText } from './terminal-text.js';

type Style = Parameters<typeof styleText>[0];

/** A preview for a person: changes (`+` added, `~` changed, `-` removed), warnings, then the user after; terminal-safe (see {@link terminalText}), any depth, colours only when `color`. */
export function renderPreview(preview: PatchPreview, { color }: { color: boolean }): string {
  const paint = (style: Style, text: string) => {
    const safe = terminalText(text);
    return color ? styleText(style, safe, { validateStream: false }) : safe;
  };
  const lines: string[] = [];
  if (preview.error !== undefined) {
    const rule = preview.error.rule === undefined ? '' : `, rule ${preview.error.rule}`;
    lines.push(
      paint(
        ['bold', 'red'],
        `Auth0 refuses this patch (${preview.error.statusCode} ${preview.error.errorCode}${rule}):`,
      ),
    );
    lines.push(terminalText(`  ${preview.error.message}`));
    return `${lines.join('\n')}\n`;
  }
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    paint('bold', `Preview: ${count(preview.changes.length, 'change')}, ${count(preview.warnings.length, 'warning')}`),
  );
  lines.push('', paint('bold', 'Changes'));
  if (preview.changes.length === 0) lines.push('  (none)');
  for (const change of preview.changes) {
    if (change.kind === 'added') lines.push(paint('green', `  + ${change.path}: ${show(change.after)}`));
    else if (change.kind === 'removed') lines.push(paint('red', `  - ${change.path}: ${show(change.before)}`));
    else lines.push(paint('yellow', `  ~ ${change.path}: ${show(change.before)} -> ${show(change.after)}`));
  }
  if (preview.warnings.length > 0) {
    lines.push('', paint('bold', 'Warnings'));
    for (const warning of preview.warnings) {
      const place = warning.pathSegments.length === 0 ? '' : ` at ${warning.path}`;
      const rule = warning.rule === undefined ? '' : ` (rule ${warning.rule})`;
      lines.push(paint(['bold', 'yellow'], `  ! ${warning.code}${place}${rule}`));
      lines.push(terminalText(`    ${warning.message}`));
    }
  }
  lines.push('', paint('bold', 'User after'), jsonText(preview.user, 2) ?? '');
  return `${lines.join('\n')}\n`;
}

function show(value: unknown): string {
  const text = jsonText(value) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
