import { Button, Card, Descriptions, Tag } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { Appeal, AppealAction, AppealEvent, AppealRating } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { NotFoundPage, PageLoading } from '../../components/status-pages.js';
import { TerritoryName } from '../../components/territory-name.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { AppealActionModal } from './appeal-action-modal.js';
import { actionLabel, categoryName, clockLabel, StateTag, stateLabel } from './appeal-text.js';

const PRE: CSSProperties = { whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0 };
const RATINGS: readonly string[] = ['satisfied', 'basically_satisfied', 'unsatisfied'];
const CHANNELS: readonly string[] = ['agent', 'visit', 'api', 'web'];

/** The texts an event carries (reason, reply, new deadline, rating), each as plain text. */
function EventPayload({ event }: { event: AppealEvent }) {
  const { t } = useTranslation();
  const p = event.payload;
  if (!p) return null;
  const rows: [string, string][] = [];
  if (typeof p.reason === 'string') rows.push([t('appeals.payload.reason'), p.reason]);
  if (typeof p.text === 'string') rows.push([t('appeals.payload.text'), p.text]);
  if (typeof p.until === 'string') rows.push([t('appeals.payload.until'), formatDateTime(p.until)]);
  if (typeof p.rating === 'string')
    rows.push([t('appeals.payload.rating'), RATINGS.includes(p.rating) ? t(`appeals.ratings.${p.rating as AppealRating}`) : p.rating]);
  if (rows.length === 0) return null;
  return (
    <dl className="mh-event-payload" style={{ margin: '4px 0 0' }}>
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt className="mh-muted" style={{ display: 'inline' }}>
            {label}：
          </dt>
          <dd style={{ ...PRE, display: 'inline' }}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The photos an event attached, as thumbnails linking to the full picture. */
function EventPhotos({ event }: { event: AppealEvent }) {
  const { t } = useTranslation();
  if (event.photos.length === 0) return null;
  return (
    <ul className="mh-photo-thumbs" aria-label={t('appeals.detail.photos')}>
      {event.photos.map((p, i) => (
        <li key={p.id}>
          <a href={p.url} target="_blank" rel="noopener noreferrer">
            <img src={p.url} alt={t('appeals.detail.photoAlt', { n: i + 1 })} width={96} height={96} loading="lazy" />
          </a>
        </li>
      ))}
    </ul>
  );
}

/** One appeal: facts, deadlines, units, the resident's words, the timeline and what may be done now. */
export function AppealDetailPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const [action, setAction] = useState<AppealAction>();
  const [fresh, setFresh] = useState<Appeal>();
  const loaded = useRequest((signal) => api.get<Appeal>(`/appeals/${encodeURIComponent(id)}`, undefined, signal), id);
  // After an action the server's answer is the newest state; a reload replaces it again.
  const appeal = fresh && fresh.id === id && (!loaded.data || fresh.version >= loaded.data.version) ? fresh : loaded.data;
  usePageTitle(appeal ? t('appeals.detail.title', { no: appeal.trackingNo }) : t('appeals.title'));

  if (loaded.error?.status === 404 || loaded.error?.status === 400) return <NotFoundPage home="/workbench/appeals" />;
  if (!appeal) {
    return loaded.error ? (
      <div className="mh-page">
        <h1 className="mh-page-title">{t('appeals.title')}</h1>
        <ProblemAlert error={loaded.error} />
      </div>
    ) : (
      <PageLoading />
    );
  }

  const flags = (['urgent', 'anonymous', 'confidential', 'supervised', 'onBehalf'] as const).filter((f) => appeal[f]);
  const lead = appeal.units.filter((u) => u.role === 'lead');
  const assisting = appeal.units.filter((u) => u.role === 'assisting');

  return (
    <div className="mh-page">
      <p>
        <Link to="/workbench/appeals">{t('appeals.detail.back')}</Link>
      </p>
      <div className="mh-page-head">
        <h1 className="mh-page-title">{t('appeals.detail.title', { no: appeal.trackingNo })}</h1>
        <div className="mh-tags" style={{ display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'center' }}>
          <StateTag state={appeal.state} />
          {flags.map((f) => (
            <Tag key={f} data-flag={f}>
              {t(`appeals.flags.${f}`)}
            </Tag>
          ))}
          {appeal.moderation?.flagged && (
            <Tag color="orange" style={{ color: '#873800' }} data-flag="spam">
              {t('appeals.moderation.flagged', { reasons: appeal.moderation.reasons.map((r) => t(`appeals.moderation.reasons.${r}`)).join(t('appeals.moderation.separator')) })}
            </Tag>
          )}
        </div>
      </div>
      {loaded.error && <ProblemAlert error={loaded.error} className="mh-block" />}

      <section aria-labelledby="appeal-actions" className="mh-block">
        <Card title={<h2 id="appeal-actions" className="mh-card-title">{t('appeals.detail.actionsTitle')}</h2>}>
          {appeal.allowedActions.length === 0 ? (
            <p className="mh-muted">{t('appeals.detail.noActions')}</p>
          ) : (
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
              {appeal.allowedActions.map((a) => (
                <Button key={a} type={a === appeal.allowedActions[0] ? 'primary' : 'default'} onClick={() => setAction(a)}>
                  {actionLabel(t, a)}
                </Button>
              ))}
            </div>
          )}
        </Card>
      </section>

      <div className="mh-grid-2 mh-block">
        <Card title={<h2 className="mh-card-title">{t('appeals.detail.facts')}</h2>}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('appeals.trackingNo')}>
              <code>{appeal.trackingNo}</code>
            </Descriptions.Item>
            <Descriptions.Item label={t('appeals.category')}>{categoryName(i18n.language, appeal.category)}</Descriptions.Item>
            <Descriptions.Item label={t('appeals.detail.channel')}>
              {CHANNELS.includes(appeal.channel) ? t(`appeals.channels.${appeal.channel as 'agent'}`) : appeal.channel}
            </Descriptions.Item>
            <Descriptions.Item label={t('appeals.detail.territory')}>
              <TerritoryName code={appeal.territoryCode} />
            </Descriptions.Item>
            <Descriptions.Item label={t('appeals.detail.address')}>{appeal.address ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('appeals.createdAt')}>{formatDateTime(appeal.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t('appeals.closedAt')}>{formatDateTime(appeal.closedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('appeals.detail.extensions')}>
              {t('appeals.detail.extensionsCount', { count: appeal.extensionsApproved })}
            </Descriptions.Item>
            <Descriptions.Item label={t('appeals.detail.rating')}>
              {appeal.rating && RATINGS.includes(appeal.rating) ? t(`appeals.ratings.${appeal.rating}`) : '—'}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <div>
          <Card className="mh-block" title={<h2 className="mh-card-title">{t('appeals.detail.clocksTitle')}</h2>}>
            {appeal.clocks.length === 0 ? (
              <p className="mh-muted">{t('appeals.detail.noClocks')}</p>
            ) : (
              <ul className="mh-clocks" style={{ margin: 0, paddingLeft: 20 }}>
                {appeal.clocks.map((c) => (
                  <li key={c.kind} data-clock={c.kind} style={c.overdue ? { color: '#cf1322', fontWeight: 600 } : undefined}>
                    {clockLabel(t, c.kind)}：{formatDateTime(c.dueAt)}
                    {c.overdue && <> · {t('appeals.overdue')}</>}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card title={<h2 className="mh-card-title">{t('appeals.detail.unitsTitle')}</h2>}>
            {appeal.units.length === 0 ? (
              <p className="mh-muted">{t('appeals.detail.noUnits')}</p>
            ) : (
              <ul className="mh-units" style={{ margin: 0, paddingLeft: 20 }}>
                {[...lead, ...assisting].map((u) => (
                  <li key={u.unitId}>
                    <span className="mh-muted">{u.role === 'lead' ? t('appeals.detail.lead') : t('appeals.detail.assisting')}</span> {u.name}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>

      <Card className="mh-block" title={<h2 className="mh-card-title">{t('appeals.detail.descriptionTitle')}</h2>}>
        <p className="mh-appeal-description" style={PRE}>
          {appeal.description}
        </p>
      </Card>

      <Card className="mh-block" title={<h2 className="mh-card-title">{t('appeals.detail.residentTitle')}</h2>}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('appeals.detail.residentName')}>{appeal.residentName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('appeals.detail.residentPhone')}>{appeal.residentPhone ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>

      <Card className="mh-block" title={<h2 className="mh-card-title">{t('appeals.detail.timelineTitle')}</h2>}>
        <ol className="mh-timeline" style={{ margin: 0, paddingLeft: 20 }}>
          {appeal.timeline.map((e, i) => (
            <li key={i} style={{ marginBottom: 12 }}>
              <strong>{actionLabel(t, e.action)}</strong>
              {e.fromState !== e.toState && (
                <>
                  {' '}→ <span>{stateLabel(t, e.toState)}</span>
                </>
              )}
              <div className="mh-muted">
                {t('appeals.detail.actor', { actor: e.actorLabel })} · <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </div>
              <EventPayload event={e} />
              <EventPhotos event={e} />
            </li>
          ))}
        </ol>
      </Card>

      <AppealActionModal
        appeal={appeal}
        action={action}
        onClose={() => setAction(undefined)}
        onDone={(next) => {
          setAction(undefined);
          setFresh(next);
          loaded.reload();
        }}
      />
    </div>
  );
}
