/** What a spreadsheet may split cells or rows on when it guesses the separator. */
const SEPARATORS = new Set([',', ';', '\t', '|', '\r', '\n']);
/** What makes a spreadsheet read a cell as a formula. */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * An apostrophe before a formula start at the beginning of the text or after a separator (spaces
 * between skipped), so a spreadsheet shows a statement as text and never runs it.
 */
export function defuse(text: string): string {
  let out = '';
  let cellStart = true;
  for (const ch of text) {
    if (cellStart && FORMULA_START.has(ch)) out += "'";
    out += ch;
    cellStart = SEPARATORS.has(ch) || (cellStart && ch === ' ');
  }
  return out;
}

/** Undoes defuse (an apostrophe written before a formula start at a cell start is dropped). */
export function undefuse(text: string): string {
  let out = '';
  let cellStart = true;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (cellStart && ch === "'" && FORMULA_START.has(chars[i + 1] ?? '')) continue;
    out += ch;
    cellStart = SEPARATORS.has(ch) || (cellStart && ch === ' ');
  }
  return out;
}

/**
 * CSV for open data (event records, ballot results, consensus conversations): RFC 4180 cells,
 * defused against spreadsheet formulas (issue 17), and a parser for imports.
 */

/** A CSV cell (RFC 4180): nothing for null, a number bare, text defused and always quoted. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return `"${defuse(value).replace(/"/g, '""')}"`;
}

export function csvTable(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  return [header.join(','), ...rows.map((row) => row.map(csvCell).join(','))].join('\n') + '\n';
}

export class CsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvError';
  }
}

/** A CSV record with the line of the file it starts on (counting from 1, blank lines included). */
export interface CsvRecord { line: number; cells: string[] }

/**
 * Parses RFC 4180 CSV (quoted cells may hold commas, quotes and line breaks; CRLF or LF; a BOM
 * is skipped). Blank lines are dropped. Refuses an unterminated quote.
 */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((r) => r.cells);
}

/** parseCsv, keeping the line each record starts on (so a report can name the row a person sees). */
export function parseCsvRecords(text: string): CsvRecord[] {
  const rows: CsvRecord[] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(cell);
    if (row.length > 1 || row[0] !== '') rows.push({ line: start, cells: row });
    row = [];
    cell = '';
    start = line + 1;
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      endRow();
      line++;
    } else if (ch !== '\r') cell += ch;
    i++;
  }
  if (quoted) throw new CsvError('A quoted cell is never closed (a " is missing).');
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}
