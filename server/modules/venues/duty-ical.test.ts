import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, renderCalendar } from './duty-ical.js';

describe('iCalendar export', () => {
  it('escapes TEXT values', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne');
  });

  it('folds at 75 octets without splitting a character', () => {
    const line = `SUMMARY:${'值班'.repeat(40)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    expect(foldLine('short')).toBe('short');
  });

  it('renders a calendar that ical.js reads back, hostile text included', () => {
    const summary = '值班：委员 张𣵦<script>alert(1)</script>, 第一; 第二';
    const text = renderCalendar('西湖区 民生议事堂, 值班表', [
      { uid: 'r1-2026-11-04@minhu', start: '2026-11-04T01:00:00.000Z', end: '2026-11-04T03:30:00.000Z', summary, location: '杭州市西湖区\n某路 1 号（虚构）', description: 'x'.repeat(200) },
    ]);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const comp = new ICAL.Component(ICAL.parse(text));
    // ical.js keeps unknown X- properties raw (escaped); calendar apps unescape them as TEXT.
    expect(comp.getFirstPropertyValue('x-wr-calname')).toBe('西湖区 民生议事堂\\, 值班表');
    const [vevent] = comp.getAllSubcomponents('vevent');
    const event = new ICAL.Event(vevent);
    expect(event.summary).toBe(summary);
    expect(event.location).toBe('杭州市西湖区\n某路 1 号（虚构）');
    expect(event.description).toBe('x'.repeat(200));
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-11-04T01:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-11-04T03:30:00.000Z');
    expect(event.uid).toBe('r1-2026-11-04@minhu');
  });
});
