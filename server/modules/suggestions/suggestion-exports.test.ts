import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { attachment, neutralise, toCsv, toXlsx } from './suggestion-exports.js';

describe('suggestion exports', () => {
  it('neutralises cells that a spreadsheet would run as formulas', () => {
    expect(neutralise('=HYPERLINK("http://spam.example")')).toBe(`'=HYPERLINK("http://spam.example")`);
    for (const s of ['+1', '-1+2', '@SUM(A1)', '\tx', '\rx']) expect(neutralise(s)).toBe(`'${s}`);
    expect(neutralise('公交站 = 雨棚')).toBe('公交站 = 雨棚');
    expect(neutralise(-3)).toBe(-3);
    expect(neutralise(null)).toBe('');
  });

  it('writes CSV with a BOM, CRLF, RFC 4180 quoting and neutralised cells', () => {
    const csv = toCsv({ title: 't', headers: ['序号', '内容'], rows: [[1, '含,逗号与"引号"'], [2, '=1+1'], [3, '两\n行']] });
    expect(csv.startsWith('\uFEFF序号,内容\r\n')).toBe(true);
    expect(csv).toContain('1,"含,逗号与""引号"""\r\n');
    expect(csv).toContain("2,'=1+1\r\n");
    expect(csv).toContain('3,"两\n行"\r\n');
  });

  it('writes XLSX with a merged title and reads back', async () => {
    const buf = await toXlsx({ title: '意见清单', headers: ['序号', '内容', '状态'], rows: [[1, '-危险', '已采纳']] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('意见清单');
    expect(ws.getCell('C1').isMerged).toBe(true);
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '内容', '状态']);
    expect(ws.getCell('B3').value).toBe("'-危险");
  });

  it('names downloads in RFC 5987 form', () => {
    expect(attachment('意见清单.csv', 'suggestions.csv')).toBe(`attachment; filename="suggestions.csv"; filename*=UTF-8''%E6%84%8F%E8%A7%81%E6%B8%85%E5%8D%95.csv`);
  });
});
