/**
 * The console's keyboard shortcuts, one key each, ignored while typing in a field or with a
 * modifier held (so the browser's own shortcuts stay). What each does acts on the first item of
 * its list, the one at the top of the column.
 */
export const CONSOLE_KEYS = [
  { key: '/', does: 'Search the questions' },
  { key: 'A', does: 'Approve the oldest waiting question' },
  { key: 'D', does: 'Dismiss the oldest waiting question' },
  { key: 'N', does: 'Put the top approved question on the screen' },
  { key: 'M', does: 'Mark the question on the screen answered' },
  { key: 'C', does: 'Call the first raised hand to the floor' },
  { key: 'E', does: 'End the turn at the floor mic' },
  { key: '+', does: 'Give the speaker 30 seconds more' },
  { key: '−', does: 'Take 30 seconds away' },
  { key: '?', does: 'Show these shortcuts' },
] as const;

export type ConsoleCommand = 'search' | 'approve' | 'dismiss' | 'next' | 'answered' | 'call' | 'endTurn' | 'more' | 'less' | 'help';

const BY_KEY: Record<string, ConsoleCommand> = {
  '/': 'search', a: 'approve', d: 'dismiss', n: 'next', m: 'answered', c: 'call', e: 'endTurn', '+': 'more', '=': 'more', '-': 'less', '?': 'help',
};

/** The command a key press stands for, or null (typing in a field, a modifier, another key). */
export function commandFor(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; target: EventTarget | null }): ConsoleCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const el = e.target as { tagName?: string; isContentEditable?: boolean } | null;
  const tag = el?.tagName?.toLowerCase();
  if (tag === 'input' || tag === 'textarea' || tag === 'select' || el?.isContentEditable) return null;
  return BY_KEY[e.key.toLowerCase()] ?? null;
}
