import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MapStatementLine, OpinionMapView } from '../../api/types.js';
import { MAP_HEIGHT as H, MAP_WIDTH as W, percent, scaler } from './map-numbers.js';

/** Group colours: distinct at AA contrast on white; the group's letter sits at its centre too, so colour is never the only cue. */
export const GROUP_COLOURS = ['#1d4ed8', '#c2410c', '#047857', '#7e22ce', '#b91c1c', '#0e7490'];
const UNGROUPED = '#8c8c8c';

export const groupColour = (group: number): string => (group < 0 ? UNGROUPED : (GROUP_COLOURS[group % GROUP_COLOURS.length] ?? UNGROUPED));

/** The picture: sampled participants as dots coloured by group, the group letters, the viewer's own dot marked. */
export function OpinionMapPicture({ map }: { map: OpinionMapView }) {
  const { t } = useTranslation();
  const at = scaler(map);
  const mine = map.me ? map.groups.find((x) => x.id === map.me?.group) : undefined;
  const myGroup = mine ? t('online.map.groupName', { label: mine.label }) : t('online.map.ungrouped');
  const summary = [
    t('online.map.summary', { participants: map.participants, grouped: map.grouped, groups: map.groups.length }),
    ...map.groups.map((g) => t('online.map.summaryGroup', { label: g.label, size: g.size })),
    map.me ? t('online.map.summaryMe', { group: myGroup }) : '',
  ]
    .filter(Boolean)
    .join(t('online.map.summarySeparator'));
  const me = map.me ? at(map.me.x, map.me.y) : null;
  return (
    <svg className="mh-opinion-map" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary} data-testid="opinion-map" data-version={map.version}>
      <rect x="0" y="0" width={W} height={H} fill="#fafafa" />
      {map.points.map(([x, y, g], i) => {
        const [px, py] = at(x, y);
        return <circle key={i} cx={px} cy={py} r={3} fill={groupColour(g)} fillOpacity={0.55} />;
      })}
      {map.groups.map((g) => {
        const [px, py] = at(g.centre.x, g.centre.y);
        return (
          <g key={g.id} aria-hidden="true">
            <circle cx={px} cy={py} r={11} fill="#fff" stroke={groupColour(g.id)} strokeWidth={2} />
            <text x={px} y={py} dy="0.35em" textAnchor="middle" fontSize="12" fontWeight="bold" fill={groupColour(g.id)}>
              {g.label}
            </text>
          </g>
        );
      })}
      {me && (
        <g data-testid="opinion-map-me" aria-hidden="true">
          <circle cx={me[0]} cy={me[1]} r={7} fill="#000" stroke="#ffd666" strokeWidth={3} />
          <text x={Math.min(Math.max(me[0], 40), W - 40)} y={me[1] > 30 ? me[1] - 12 : me[1] + 22} textAnchor="middle" fontSize="12" fontWeight="bold" fill="#000" stroke="#fff" strokeWidth={3} paintOrder="stroke">
            {t('online.map.youAreHere')}
          </text>
        </g>
      )}
    </svg>
  );
}

function StatementLine({ line }: { line: MapStatementLine }) {
  const { t } = useTranslation();
  const agree = line.direction !== 'disagree' && line.agreePercent !== undefined;
  return (
    <li className="mh-map-line">
      <span className="mh-map-seq">#{line.seq}</span> <span className="mh-map-text">{line.text}</span>
      <span className="mh-map-share">
        {agree ? t('online.map.agreeShare', { percent: line.agreePercent }) : t('online.map.disagreeShare', { percent: line.disagreePercent ?? 0 })}
        {' · '}
        {t('online.map.votes', { count: line.votes })}
      </span>
    </li>
  );
}

/** The table behind the picture: every statement, everyone and each group, agree / disagree / pass as percentages. */
export function OpinionMapTable({ map }: { map: OpinionMapView }) {
  const { t } = useTranslation();
  const captionId = useId();
  const cell = (agree: number, disagree: number, pass: number, votes: number) =>
    votes > 0 ? t('online.map.cell', { agree: percent(agree, votes), disagree: percent(disagree, votes), pass: percent(pass, votes), votes }) : t('online.map.noVotes');
  return (
    <div className="mh-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="mh-map-table" data-testid="opinion-map-table">
        <caption id={captionId}>{t('online.map.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('online.map.statement')}</th>
            <th scope="col">{t('online.map.everyone', { count: map.participants })}</th>
            {map.groups.map((g) => (
              <th scope="col" key={g.id}>
                {t('online.map.groupHeading', { label: g.label, size: g.size })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {map.statements.map((s) => (
            <tr key={s.id}>
              <th scope="row">
                #{s.seq} <span>{s.text}</span>
                {s.meta && <span className="mh-muted"> {t('online.map.meta')}</span>}
              </th>
              <td>{cell(s.agree, s.disagree, s.pass, s.votes)}</td>
              {map.groups.map((g) => {
                const p = s.perGroup.find((x) => x.group === g.id);
                return <td key={g.id}>{p ? cell(p.agree, p.disagree, p.pass, p.votes) : t('online.map.noVotes')}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The whole opinion map: picture, legend, each group's characteristic statements, the common
 * ground and the table; `children` (the organiser's actions) go before the table.
 */
export function OpinionMap({ map, children }: { map: OpinionMapView; children?: ReactNode }) {
  const { t } = useTranslation();
  if (map.version === 0) return <p className="mh-muted">{t('online.map.notYet')}</p>;
  return (
    <div className="mh-opinion">
      <OpinionMapPicture map={map} />
      <ul className="mh-map-legend" aria-label={t('online.map.legend')}>
        {map.groups.map((g) => (
          <li key={g.id}>
            <span className="mh-map-swatch" style={{ background: groupColour(g.id) }} aria-hidden="true" />
            {t('online.map.groupHeading', { label: g.label, size: g.size })}
          </li>
        ))}
        {map.participants > map.grouped && (
          <li>
            <span className="mh-map-swatch" style={{ background: UNGROUPED }} aria-hidden="true" />
            {t('online.map.ungroupedCount', { count: map.participants - map.grouped })}
          </li>
        )}
      </ul>
      <p className="mh-muted">{t('online.map.facts', { participants: map.participants, votes: map.votes, version: map.version })}</p>
      {map.groups.map((g) => (
        <section key={g.id} className="mh-map-section" aria-labelledby={`map-group-${g.id}`}>
          <h3 id={`map-group-${g.id}`}>
            <span className="mh-map-swatch" style={{ background: groupColour(g.id) }} aria-hidden="true" />
            {t('online.map.groupTraits', { label: g.label })}
          </h3>
          {g.representative.length === 0 ? (
            <p className="mh-muted">{t('online.map.none')}</p>
          ) : (
            <ul className="mh-map-lines">
              {g.representative.map((r) => (
                <StatementLine key={r.statementId} line={r} />
              ))}
            </ul>
          )}
        </section>
      ))}
      <section className="mh-map-section" aria-labelledby="map-consensus">
        <h3 id="map-consensus">{t('online.map.consensus')}</h3>
        {map.consensus.agree.length + map.consensus.disagree.length === 0 ? (
          <p className="mh-muted">{t('online.map.none')}</p>
        ) : (
          <ul className="mh-map-lines" data-testid="opinion-map-consensus">
            {map.consensus.agree.map((r) => (
              <StatementLine key={`a${r.statementId}`} line={{ ...r, direction: 'agree' }} />
            ))}
            {map.consensus.disagree.map((r) => (
              <StatementLine key={`d${r.statementId}`} line={{ ...r, direction: 'disagree' }} />
            ))}
          </ul>
        )}
      </section>
      {children}
      <OpinionMapTable map={map} />
    </div>
  );
}
