import { InfoCircleOutlined } from '@ant-design/icons';
import { Card, Tooltip } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { DashboardFigure } from '../../api/types.js';
import { TableScroll } from './table-scroll.js';
import { formatFigure, formulaOf, queryOf, type Filters } from './filters.js';

/** One figure: name, formatted value, numerator ÷ denominator, formula on hover or focus, link to its records. */
export function FigureCard({ figure, filters, links = true }: { figure: DashboardFigure; filters: Filters; links?: boolean }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const name = t(`dashboard.figures.${figure.key}.name`);
  const formula = formulaOf(t, figure);
  return (
    <li className="mh-figure-card" data-figure={figure.key}>
      <Card size="small">
        <h3 className="mh-figure-name">
          <Tooltip title={formula} trigger={['hover', 'focus']}>
            <span tabIndex={0} className="mh-figure-formula" aria-describedby={`${id}-formula`} data-testid="figure-formula">
              {name} <InfoCircleOutlined aria-hidden />
            </span>
          </Tooltip>
        </h3>
        <span id={`${id}-formula`} className="mh-visually-hidden">
          {formula}
        </span>
        <p className="mh-figure-value" data-testid="figure-value">
          {formatFigure(figure, i18n.language)}
        </p>
        <p className="mh-muted mh-figure-ratio">
          {figure.kind === 'rate' ? t('dashboard.ratio', { numerator: figure.numerator, denominator: figure.denominator ?? 0 }) : t('dashboard.countNote')}
        </p>
        {links && (
          <Link to={`/dashboard/records?${queryOf(filters, { figure: figure.key })}`} data-testid="figure-records" aria-label={t('dashboard.recordsOf', { name })}>
            {t('dashboard.records')}
          </Link>
        )}
      </Card>
    </li>
  );
}

/** The figures as a plain table (reports, print). */
export function FigureTable({ figures }: { figures: DashboardFigure[] }) {
  const { t, i18n } = useTranslation();
  return (
    <TableScroll label={t('dashboard.report.figures')}>
      <table className="mh-print-table">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.report.figure')}</th>
            <th scope="col">{t('dashboard.report.value')}</th>
            <th scope="col">{t('dashboard.report.numbers')}</th>
            <th scope="col">{t('dashboard.report.formula')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr key={f.key} data-figure={f.key}>
              <th scope="row">{t(`dashboard.figures.${f.key}.name`)}</th>
              <td>{formatFigure(f, i18n.language)}</td>
              <td>{f.kind === 'rate' ? t('dashboard.ratio', { numerator: f.numerator, denominator: f.denominator ?? 0 }) : f.numerator}</td>
              <td>{t(`dashboard.figures.${f.key}.formula`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
