/**
 * Reading a chart's table from pasted text: CSV from a file, or tab-separated cells copied out of
 * a spreadsheet. The first row names the series (its first cell labels the label column and is
 * ignored); every other row is a label followed by one number per series.
 */

export interface ChartTable {
  series: string[];
  rows: { label: string; values: number[] }[];
}

export type ChartCsvResult = { ok: true; table: ChartTable } | { ok: false; error: string };

/** The separator the text most likely uses: tabs (spreadsheets), semicolons (European CSV) or commas. */
function separatorOf(firstLine: string): string {
  if (firstLine.includes('\t')) return '\t';
  const commas = (firstLine.match(/,/g) ?? []).length;
  const semicolons = (firstLine.match(/;/g) ?? []).length;
  return semicolons > commas ? ';' : ',';
}

/** Splits text into rows of cells, honouring "quoted cells, with ""escaped"" quotes and newlines". */
export function parseDelimited(text: string, separator?: string): string[][] {
  const source = text.replace(/^\uFEFF/, '');
  const sep = separator ?? separatorOf(source.split(/\r?\n/, 1)[0] ?? '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === sep) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += ch;
    }
  }
  row.push(cell);
  rows.push(row);
  // Blank lines (a trailing newline, gaps between blocks) carry nothing.
  return rows.map((r) => r.map((c) => c.trim())).filter((r) => r.some((c) => c !== ''));
}

/**
 * A number as people type it in tables: "1234", "-3.5", "1,234.5", "12%", "£40", "1 234", and
 * "3,5" with a decimal comma. A comma followed by exactly three digits groups thousands
 * ("1,850"), except in semicolon-separated text, where commas are always decimal points
 * ("1,850" is 1.85 there). NaN if it is none.
 */
export function parseNumber(cell: string, separator = ','): number {
  let s = cell.replace(/[\s\u00a0\u202f]/g, '').replace(/^[£$€¥]|[%£$€¥]$/g, '');
  if (s === '') return Number.NaN;
  const decimalComma = /^-?\d+,\d+$/.test(s) && (separator === ';' || !/^-?\d{1,3},\d{3}$/.test(s));
  if (decimalComma) s = s.replace(',', '.');
  else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s) ? Number(s) : Number.NaN;
}

/** The table in `text`, or a sentence saying which cell is wrong. */
export function parseChartCsv(text: string): ChartCsvResult {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const separator = separatorOf(firstLine);
  const rows = parseDelimited(text, separator);
  if (rows.length === 0) return { ok: false, error: 'Paste a table first: a header row, then one row per label.' };
  const [header, ...body] = rows as [string[], ...string[][]];
  const series = header.slice(1);
  if (series.length === 0) {
    return { ok: false, error: 'The first row needs at least two cells: a heading for the labels, then one name per series.' };
  }
  const unnamed = series.findIndex((s) => s === '');
  if (unnamed >= 0) return { ok: false, error: `Column ${unnamed + 2} of the first row has no series name.` };
  if (body.length === 0) return { ok: false, error: 'There are no data rows under the header row.' };
  const out: ChartTable['rows'] = [];
  for (let r = 0; r < body.length; r++) {
    const cells = body[r]!;
    const line = r + 2;
    const label = cells[0] ?? '';
    if (label === '') return { ok: false, error: `Row ${line} has no label in its first cell.` };
    if (cells.length > series.length + 1) {
      return { ok: false, error: `Row ${line} (“${label}”) has ${cells.length - 1} numbers but there are ${series.length} series.` };
    }
    const values: number[] = [];
    for (let c = 0; c < series.length; c++) {
      const cell = cells[c + 1] ?? '';
      const value = parseNumber(cell, separator);
      if (Number.isNaN(value)) {
        return {
          ok: false,
          error: cell === ''
            ? `Row ${line} (“${label}”) has no number for “${series[c]}”.`
            : `“${cell}” in row ${line} (“${label}”) is not a number.`,
        };
      }
      values.push(value);
    }
    out.push({ label, values });
  }
  return { ok: true, table: { series, rows: out } };
}

/** The table as CSV, for copying out or editing as text. */
export function chartToCsv(table: ChartTable, labelHeading = 'Label'): string {
  const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return [
    [labelHeading, ...table.series].map(quote).join(','),
    ...table.rows.map((r) => [quote(r.label), ...r.values.map(String)].join(',')),
  ].join('\n');
}
