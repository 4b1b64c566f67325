import { App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Space, Timeline } from 'antd';
import type { Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { Rating, ReplyGrade, Suggestion } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { UnitPicker } from '../../components/remote-select.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { GradeTag, RepliesView, StateTag, Chip } from './suggestion-text.js';

const GRADES: ReplyGrade[] = ['A', 'B', 'C', 'D'];
const RATINGS: Rating[] = ['satisfied', 'basically_satisfied', 'unsatisfied'];

/** One suggestion in the workbench: its record and journey, and forms for the actions open to the caller. */
export function SuggestionDetailPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const item = useRequest((signal) => api.get<Suggestion>(`/suggestions/${id}`, undefined, signal), id);
  const [error, setError] = useState<unknown>();
  usePageTitle(item.data ? t('suggestions.itemTitle', { seq: item.data.seq }) : t('suggestions.title'));
  const s = item.data;

  const run = async (path: string, body: object) => {
    if (!s) return;
    setError(undefined);
    try {
      await api.post(`/suggestions/${s.id}/${path}`, { version: s.version, ...body });
      message.success(t('common.saved'));
      item.reload();
    } catch (err) {
      setError(err);
    }
  };
  const can = (a: Suggestion['allowedActions'][number]) => !!s?.allowedActions.includes(a);

  return (
    <div className="mh-page mh-narrow">
      {item.error && <ProblemAlert error={item.error} className="mh-block" />}
      {s && (
        <>
          <p>
            <Link to={`/workbench/consultations/${s.consultationId}/suggestions`}>{s.event}</Link>
          </p>
          <h1 className="mh-page-title">
            {t('suggestions.itemTitle', { seq: s.seq })} <StateTag t={t} state={s.state} />
            {s.overdue && <Chip colour="red">{t('suggestions.overdue')}</Chip>}
          </h1>
          <p className="mh-pre" data-testid="suggestion-text">{s.text}</p>
          {error !== undefined && <ProblemAlert error={error} className="mh-block" />}
          <Descriptions bordered column={1} size="small" className="mh-block">
            <Descriptions.Item label={t('suggestions.authors')}>{s.authors.map((a) => a.name).join('、') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('suggestions.linkedAppeals')}>
              {s.appeals.length === 0 ? '—' : s.appeals.map((a) => <div key={a.id}>{a.trackingNo}</div>)}
            </Descriptions.Item>
            <Descriptions.Item label={t('suggestions.decision')}>
              {s.decision ? t(`suggestions.decisions.${s.decision}`) : '—'}
              {s.decisionReason && <div className="mh-muted mh-pre">{s.decisionReason}</div>}
            </Descriptions.Item>
            <Descriptions.Item label={t('suggestions.units')}>
              {s.units.length === 0 ? '—' : s.units.map((u) => <div key={u.unitId}>{`${u.name}（${t(`suggestions.unitRoles.${u.role}`)}）`}</div>)}
            </Descriptions.Item>
            <Descriptions.Item label={t('suggestions.signDue')}>{formatDateTime(s.signDueAt)}</Descriptions.Item>
            <Descriptions.Item label={t('suggestions.replyDue')}>{formatDateTime(s.replyDueAt)}</Descriptions.Item>
            <Descriptions.Item label={t('suggestions.latestGrade')}>{s.grade ? <GradeTag t={t} grade={s.grade} /> : '—'}</Descriptions.Item>
          </Descriptions>
          <RepliesView t={t} replies={s.replies} milestones={s.milestones} progress={s.progress} />

          {can('assign') && (
            <Card size="small" title={t('suggestions.assign')} className="mh-block">
              <AssignForm t={t} onSubmit={(v) => run('assignment', v)} submit={t('suggestions.assign')} />
            </Card>
          )}
          {(can('sign') || can('object')) && (
            <Card size="small" title={t('suggestions.respond')} className="mh-block">
              <Space direction="vertical">
                <Button type="primary" onClick={() => run('response', { response: 'sign' })}>
                  {t('suggestions.sign')}
                </Button>
                <Form layout="vertical" onFinish={(v: { reason: string }) => run('response', { response: 'object', reason: v.reason })}>
                  <Form.Item name="reason" label={t('suggestions.objectReason')} rules={[{ required: true, message: t('suggestions.reasonRequired') }]}>
                    <Input.TextArea rows={2} maxLength={2000} />
                  </Form.Item>
                  <Button htmlType="submit" danger>
                    {t('suggestions.object')}
                  </Button>
                </Form>
              </Space>
            </Card>
          )}
          {can('uphold') && (
            <Card size="small" title={t('suggestions.objection')} className="mh-block">
              <ObjectionView s={s} />
              <Form layout="vertical" onFinish={(v: { reason: string }) => run('objection-decision', { outcome: 'uphold', reason: v.reason })}>
                <Form.Item name="reason" label={t('suggestions.upholdReason')} rules={[{ required: true, message: t('suggestions.reasonRequired') }]}>
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
                <Button htmlType="submit">{t('suggestions.uphold')}</Button>
              </Form>
              <h3>{t('suggestions.reassign')}</h3>
              <AssignForm t={t} onSubmit={(v) => run('objection-decision', { outcome: 'reassign', assignment: v })} submit={t('suggestions.reassign')} />
            </Card>
          )}
          {can('reply') && (
            <Card size="small" title={t('suggestions.reply')} className="mh-block">
              <Form layout="vertical" onFinish={(v: { grade: ReplyGrade; text: string; evidence?: string }) => run('replies', { grade: v.grade, text: v.text, evidence: v.evidence || null })}>
                <Form.Item name="grade" label={t('suggestions.grade')} rules={[{ required: true, message: t('suggestions.gradeRequired') }]}>
                  <Radio.Group options={GRADES.map((g) => ({ value: g, label: t(`suggestions.grades.${g}`) }))} />
                </Form.Item>
                <Form.Item name="text" label={t('suggestions.replyText')} rules={[{ required: true, message: t('suggestions.textRequired') }]}>
                  <Input.TextArea rows={4} maxLength={4000} showCount />
                </Form.Item>
                <Form.Item name="evidence" label={t('suggestions.evidence')} extra={t('suggestions.evidenceHelp')}>
                  <Input.TextArea rows={2} maxLength={4000} />
                </Form.Item>
                <Button type="primary" htmlType="submit">
                  {t('suggestions.sendReply')}
                </Button>
              </Form>
            </Card>
          )}
          {can('progress') && (
            <Card size="small" title={t('suggestions.reportProgress')} className="mh-block">
              <Form
                layout="vertical"
                initialValues={{ percent: s.progress }}
                onFinish={(v: { percent: number; milestone: string; onDate: Dayjs }) => run('progress', { percent: v.percent, milestone: v.milestone, onDate: v.onDate.format('YYYY-MM-DD') })}
              >
                <Form.Item name="percent" label={t('suggestions.percent')} rules={[{ required: true }]}>
                  <InputNumber min={0} max={100} addonAfter="%" />
                </Form.Item>
                <Form.Item name="milestone" label={t('suggestions.milestone')} rules={[{ required: true, message: t('suggestions.textRequired') }]}>
                  <Input maxLength={500} />
                </Form.Item>
                <Form.Item name="onDate" label={t('suggestions.milestoneDate')} rules={[{ required: true, message: t('suggestions.dateRequired') }]}>
                  <DatePicker />
                </Form.Item>
                <Button htmlType="submit">{t('suggestions.saveProgress')}</Button>
              </Form>
            </Card>
          )}
          {can('feedback') && (
            <Card size="small" title={t('suggestions.feedback')} className="mh-block">
              <Form layout="vertical" onFinish={(v: { replyRating: Rating; resultRating: Rating; comment?: string }) => run('feedback', { ...v, comment: v.comment || null })}>
                <Form.Item name="replyRating" label={t('suggestions.replyRating')} rules={[{ required: true, message: t('suggestions.ratingRequired') }]}>
                  <Radio.Group options={RATINGS.map((r) => ({ value: r, label: t(`suggestions.ratings.${r}`) }))} />
                </Form.Item>
                <Form.Item name="resultRating" label={t('suggestions.resultRating')} extra={t('suggestions.unsatisfiedHelp')} rules={[{ required: true, message: t('suggestions.ratingRequired') }]}>
                  <Radio.Group options={RATINGS.map((r) => ({ value: r, label: t(`suggestions.ratings.${r}`) }))} />
                </Form.Item>
                <Form.Item name="comment" label={t('suggestions.comment')}>
                  <Input.TextArea rows={2} maxLength={1000} />
                </Form.Item>
                <Button type="primary" htmlType="submit">
                  {t('suggestions.sendFeedback')}
                </Button>
              </Form>
            </Card>
          )}

          <h2>{t('suggestions.history')}</h2>
          <Timeline
            items={s.history.map((h, i) => ({
              key: `${h.at}-${i}`,
              children: (
                <div className="mh-break">
                  {t(`suggestions.steps.${h.action}`, { defaultValue: h.action })} · {h.actor} · {formatDateTime(h.at)}
                  {h.comment && <div className="mh-muted mh-pre">{h.comment}</div>}
                </div>
              ),
            }))}
          />
          <p>
            <Link to={`/suggestions/${s.id}`}>{t('suggestions.publicLink')}</Link>
          </p>
        </>
      )}
    </div>
  );
}

function ObjectionView({ s }: { s: Suggestion }) {
  const last = [...s.history].reverse().find((h) => h.action === 'object');
  return last?.comment ? <p className="mh-pre">{last.comment}</p> : null;
}

/** Lead unit, assisting units and the deadline in working days. */
function AssignForm({ t, onSubmit, submit }: { t: TFunction; onSubmit: (v: { leadUnitId: string; assistingUnitIds: string[]; deadlineDays: number }) => void; submit: string }) {
  return (
    <Form
      layout="vertical"
      initialValues={{ deadlineDays: 15 }}
      onFinish={(v: { leadUnitId: string; assistingUnitId?: string | null; deadlineDays: number }) =>
        onSubmit({ leadUnitId: v.leadUnitId, assistingUnitIds: v.assistingUnitId ? [v.assistingUnitId] : [], deadlineDays: v.deadlineDays })
      }
    >
      <Form.Item name="leadUnitId" label={t('suggestions.leadUnit')} rules={[{ required: true, message: t('suggestions.unitRequired') }]}>
        <UnitPicker />
      </Form.Item>
      <Form.Item name="assistingUnitId" label={t('suggestions.assistingUnit')}>
        <UnitPicker />
      </Form.Item>
      <Form.Item name="deadlineDays" label={t('suggestions.deadlineDays')} rules={[{ required: true }]}>
        <InputNumber min={1} max={180} addonAfter={t('suggestions.workingDays')} />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {submit}
      </Button>
    </Form>
  );
}

