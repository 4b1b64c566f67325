import { PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Descriptions, Empty, Popconfirm, Select, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { DutyRule, DutySlot, MemberProfile, Venue, VenueDetail, VenueMember } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { DutyList } from './duty-list.js';
import { RuleModal } from './rule-modal.js';
import { VenueModal } from './venue-modal.js';
import { hoursLines, kindLabel, ruleText } from './venue-text.js';

/** The first and last day of the month `offset` months from the current one (China time is close enough for a view). */
function monthRange(offset: number): { from: string; to: string; label: string } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getFullYear(), now.getMonth() + offset, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { from: iso(first), to: iso(last), label: iso(first).slice(0, 7) };
}

/** One venue: details, members serving here (进站), duty rules and the month's duty calendar. */
export function VenueDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const venue = useRequest((signal) => api.get<VenueDetail>(`/venues/${id}`, undefined, signal), id);
  usePageTitle(venue.data?.name ?? t('venues.title'));
  const [editing, setEditing] = useState<Venue>();
  const [addingRule, setAddingRule] = useState(false);
  const [assignee, setAssignee] = useState<string>();
  const [actionError, setActionError] = useState<unknown>();
  const [month, setMonth] = useState(0);
  const range = monthRange(month);
  const duty = useRequest((signal) => api.get<{ items: DutySlot[] }>(`/venues/${id}/duty`, { from: range.from, to: range.to }, signal), JSON.stringify([id, range, venue.data?.version, venue.data?.rules.length]));
  const v = venue.data;
  const candidates = useRequest(
    (signal) => (v?.may.manage ? api.get<{ items: MemberProfile[] }>('/members', { role: 'member' }, signal) : Promise.resolve({ items: [] })),
    `${id}:${String(v?.may.manage)}`,
  );
  const heads = useRequest(
    (signal) => (v?.may.manage ? api.get<{ items: MemberProfile[] }>('/members', { role: 'head' }, signal) : Promise.resolve({ items: [] })),
    `${id}:head:${String(v?.may.manage)}`,
  );

  async function act(run: () => Promise<unknown>) {
    setActionError(undefined);
    try {
      await run();
      message.success(t('common.saved'));
      venue.reload();
      candidates.reload();
    } catch (err) {
      setActionError(err);
    }
  }

  if (venue.error) return <ProblemAlert error={venue.error} className="mh-block" />;
  if (!v) return null;

  const memberColumns: TableColumnsType<VenueMember> = [
    { title: t('venues.assignLabel'), dataIndex: 'name' },
    { title: t('venues.term'), dataIndex: 'term', render: (term: number | null) => (term ? t('venues.termValue', { term }) : '—') },
    { title: t('venues.sector'), dataIndex: 'sector', render: (s: string | null) => s ?? '—' },
    { title: t('venues.committee'), dataIndex: 'committee', render: (s: string | null) => s ?? '—' },
    ...(v.may.manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, m: VenueMember) => (
              <Button size="small" aria-label={t('venues.unassignFor', { name: m.name })} onClick={() => act(() => api.delete(`/venues/${v.id}/members/${m.accountId}`))}>
                {t('venues.unassign')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  const unassigned = (candidates.data?.items ?? []).filter((c) => !v.members.some((m) => m.accountId === c.accountId));

  return (
    <div className="mh-page">
      <p>
        <Link to="/workbench/venues">{t('venues.back')}</Link>
      </p>
      <div className="mh-page-head">
        <h1 className="mh-page-title">{v.name}</h1>
        <Space wrap>
          {v.public && v.active && <Link to={`/venues/${v.id}`}>{t('venues.publicPage')}</Link>}
          {v.may.manage && <Button onClick={() => setEditing(v)}>{t('common.edit')}</Button>}
          {v.may.manage &&
            (v.active ? (
              <Popconfirm title={t('venues.deactivateConfirm')} okText={t('venues.deactivate')} cancelText={t('common.cancel')} onConfirm={() => act(() => api.post(`/venues/${v.id}/deactivate`, { version: v.version }))}>
                <Button danger>{t('venues.deactivate')}</Button>
              </Popconfirm>
            ) : (
              <Button onClick={() => act(() => api.post(`/venues/${v.id}/reactivate`, { version: v.version }))}>{t('venues.reactivate')}</Button>
            ))}
        </Space>
      </div>
      {actionError !== undefined && <ProblemAlert error={actionError} className="mh-block" />}
      <Descriptions bordered column={1} size="small" className="mh-block">
        <Descriptions.Item label={t('venues.kind')}>{kindLabel(t, v)}</Descriptions.Item>
        <Descriptions.Item label={t('venues.territory')}>{v.territoryName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('venues.address')}>{v.address}</Descriptions.Item>
        <Descriptions.Item label={t('venues.openingHours')}>
          {hoursLines(t, v.openingHours).map((line) => (
            <div key={line}>{line}</div>
          ))}
          {v.openingHours.note && <div className="mh-muted">{v.openingHours.note}</div>}
        </Descriptions.Item>
        <Descriptions.Item label={t('venues.head')}>
          {v.may.manage ? (
            <Select
              aria-label={t('venues.setHead')}
              className="mh-head-select"
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('venues.noHead')}
              value={v.head?.accountId}
              options={(heads.data?.items ?? []).map((p) => ({ value: p.accountId, label: p.name }))}
              onChange={(accountId?: string) => act(() => api.put(`/venues/${v.id}/head`, { version: v.version, accountId: accountId ?? null }))}
            />
          ) : (
            (v.head?.name ?? t('venues.noHead'))
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('venues.active')}>
          <Badge status={v.active ? 'success' : 'default'} text={v.active ? t('venues.activeYes') : t('venues.activeNo')} />
        </Descriptions.Item>
      </Descriptions>

      <Card title={<h2 className="mh-card-title">{t('venues.members')}</h2>} className="mh-block">
        {v.may.manage && (
          <Space wrap className="mh-block">
            <Select
              aria-label={t('venues.assignLabel')}
              className="mh-head-select"
              showSearch={{ optionFilterProp: 'label' }}
              value={assignee}
              onChange={setAssignee}
              options={unassigned.map((c) => ({ value: c.accountId, label: c.sector ? `${c.name}（${c.sector}）` : c.name }))}
            />
            <Button icon={<PlusOutlined />} disabled={!assignee} onClick={() => assignee && act(() => api.post(`/venues/${v.id}/members`, { accountId: assignee })).then(() => setAssignee(undefined))}>
              {t('venues.assign')}
            </Button>
          </Space>
        )}
        {v.members.length === 0 ? (
          <Empty description={t('venues.noMembers')} />
        ) : (
          <Table<VenueMember> rowKey="accountId" size="small" columns={memberColumns} dataSource={v.members} pagination={false} scroll={{ x: 'max-content' }} />
        )}
      </Card>

      <Card
        title={<h2 className="mh-card-title">{t('venues.rules')}</h2>}
        extra={
          v.may.roster && (
            <Button icon={<PlusOutlined />} disabled={v.members.length === 0 || !v.active} onClick={() => setAddingRule(true)}>
              {t('venues.addRule')}
            </Button>
          )
        }
        className="mh-block"
      >
        {v.rules.length === 0 ? (
          <Empty description={t('venues.noRules')} />
        ) : (
          <ul className="mh-rule-list">
            {v.rules.map((r: DutyRule) => (
              <li key={r.id}>
                <strong>{r.member.name}</strong> {ruleText(t, r)} · {t(`venues.holidayPolicies.${r.holidays}`)}
                {r.exceptions.length > 0 && <span className="mh-muted"> · {t('venues.exceptions', { count: r.exceptions.length })}</span>}
                {r.note && <span className="mh-muted"> · {r.note}</span>}
                {v.may.roster && (
                  <Popconfirm title={t('venues.deleteRuleConfirm')} okText={t('venues.deleteRule')} cancelText={t('common.cancel')} onConfirm={() => act(() => api.delete(`/duty-rules/${r.id}?version=${r.version}`))}>
                    <Button size="small" type="link" danger aria-label={t('venues.deleteRuleFor', { name: r.member.name })}>
                      {t('venues.deleteRule')}
                    </Button>
                  </Popconfirm>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card
        title={<h2 className="mh-card-title">{t('venues.roster')}</h2>}
        extra={
          <Space>
            <Button size="small" onClick={() => setMonth((m) => m - 1)}>
              {t('venues.prevMonth')}
            </Button>
            <span aria-live="polite">{range.label}</span>
            <Button size="small" onClick={() => setMonth((m) => m + 1)}>
              {t('venues.nextMonth')}
            </Button>
          </Space>
        }
        className="mh-block"
      >
        {duty.error && <ProblemAlert error={duty.error} />}
        {duty.data && (duty.data.items.length === 0 ? <Empty description={t('venues.noDuty')} /> : <DutyList slots={duty.data.items} show="member" />)}
      </Card>

      <VenueModal
        venue={editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          venue.reload();
        }}
      />
      <RuleModal
        venueId={v.id}
        members={v.members}
        open={addingRule}
        onClose={() => setAddingRule(false)}
        onSaved={() => {
          setAddingRule(false);
          venue.reload();
        }}
      />
    </div>
  );
}
