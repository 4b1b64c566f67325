import { Button } from 'antd';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { echarts, type EChartsCoreOption } from './echarts-setup.js';
import { TableScroll } from './table-scroll.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for ECharts' HTML tooltips: everything escaped, so names typed by people stay text. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

interface AxisParam {
  axisValueLabel?: string;
  name?: string;
  seriesName?: string;
  marker?: unknown;
  value?: unknown;
}

/** An axis tooltip built from escaped text only (the marker is ECharts' own colour dot). */
export function axisTooltip(params: unknown): string {
  const list = (Array.isArray(params) ? params : [params]) as AxisParam[];
  const head = escapeHtml(list[0]?.axisValueLabel ?? list[0]?.name ?? '');
  const rows = list.map((p) => `${typeof p.marker === 'string' ? p.marker : ''}${escapeHtml(p.seriesName)}：${escapeHtml(Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value)}`);
  return [head, ...rows].join('<br/>');
}

/** An ECharts canvas that follows its container's size; `label` names it for screen readers. */
export function EChart({ option, label, className, onReady }: { option: EChartsCoreOption; label: string; className?: string; onReady?: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init>>(undefined);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
    onReady?.();
  }, [option]);

  return <div ref={ref} role="img" aria-label={label} className={className ?? 'mh-chart'} data-testid="chart-canvas" />;
}

export interface DataTable {
  columns: string[];
  rows: (string | number)[][];
}

/**
 * A chart as a figure: caption, the canvas, and the same numbers as a table. The table is always
 * in the document (screen readers reach it); the 数据表 button shows it on screen too.
 */
export function ChartFigure({ caption, option, label, table, extra, chartClassName }: { caption: string; option: EChartsCoreOption; label?: string; table: DataTable; extra?: ReactNode; chartClassName?: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const id = useId();
  return (
    <figure className="mh-chart-figure">
      <figcaption className="mh-chart-caption">
        <span className="mh-chart-caption-text">{caption}</span>
        <Button size="small" className="mh-no-print" aria-expanded={shown} aria-controls={id} onClick={() => setShown((s) => !s)}>
          {t('dashboard.dataTable')}
        </Button>
      </figcaption>
      {extra}
      <EChart option={option} label={label ?? caption} className={chartClassName} />
      <TableScroll id={id} label={t('dashboard.tableOf', { name: caption })} hidden={!shown} className="mh-chart-table" testId="chart-table">
        <table className="mh-print-table">
          <caption className="mh-visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={j}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}
