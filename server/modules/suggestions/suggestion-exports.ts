/**
 * The suggestion list and the assignment sheet as files: CSV (UTF-8 with a BOM, so Excel reads
 * Chinese) and XLSX (exceljs, a merged title row above Chinese headers). Every cell a person
 * typed that starts with = + - @ (or a tab / carriage return) gets a leading apostrophe, so a
 * spreadsheet shows it as text instead of running it as a formula.
 */
import ExcelJS from 'exceljs';

export interface Sheet {
  title: string;
  headers: string[];
  rows: (string | number | null)[][];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell's text made safe from formula injection (numbers pass unchanged). */
export function neutralise(value: string | number | null): string | number {
  if (value === null) return '';
  if (typeof value === 'number') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
function csvField(value: string | number | null): string {
  const s = String(neutralise(value));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record (fields neutralised and quoted as needed) with its CRLF, for streamed files. */
export function csvLine(row: (string | number | null)[]): string {
  return `${row.map(csvField).join(',')}\r\n`;
}

/** The sheet as CSV text with a BOM and CRLF line ends; the title is not a row (it would break the columns). */
export function toCsv(sheet: Sheet): string {
  return `\uFEFF${[sheet.headers, ...sheet.rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** The sheet as an XLSX workbook: the title merged across the columns, then headers, then rows. */
export async function toXlsx(sheet: Sheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Minhu';
  const ws = wb.addWorksheet(sheet.title.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  const width = sheet.headers.length;
  ws.addRow([sheet.title]);
  ws.mergeCells(1, 1, 1, width);
  const title = ws.getCell(1, 1);
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center' };
  const header = ws.addRow(sheet.headers);
  header.font = { bold: true };
  for (const r of sheet.rows) ws.addRow(r.map(neutralise));
  ws.columns.forEach((c, i) => {
    c.width = i === 0 ? 8 : 24;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Content-Disposition for a download with a Chinese name: an ASCII fallback and the RFC 5987 form. */
export function attachment(filename: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
