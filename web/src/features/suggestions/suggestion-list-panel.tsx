import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { EventSuggestions, MemberProfile, Suggestion, SuggestionDecision } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { useSession } from '../../session/session.js';
import { RollupView, StateTag, Chip } from './suggestion-text.js';

const DECISIONS: SuggestionDecision[] = ['adopted', 'partly_adopted', 'not_adopted', 'reference'];

interface AddForm {
  text: string;
  memberIds?: string[];
  names?: string;
  appealIds?: string;
}

/**
 * An event's suggestion list (意见清单) for the people who manage it: add, edit, merge duplicates,
 * decide, issue the list and export it. The event page embeds it (and hears of changes, since
 * issuing the list adds a document to the event); it also has its own page.
 */
export function SuggestionListPanel({ consultationId, onChanged }: { consultationId: string; onChanged?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const list = useRequest((signal) => api.get<EventSuggestions>(`/consultations/${consultationId}/suggestions`, undefined, signal), consultationId);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Suggestion | null>(null);
  const [deciding, setDeciding] = useState<Suggestion | null>(null);
  const [merging, setMerging] = useState<Suggestion | null>(null);
  const [error, setError] = useState<unknown>();
  const [addForm] = Form.useForm<AddForm>();
  const [editForm] = Form.useForm<{ text: string }>();
  const [decideForm] = Form.useForm<{ decision: SuggestionDecision; reason?: string }>();
  const [mergeForm] = Form.useForm<{ intoId: string }>();
  const split = (s: string | undefined) => (s ?? '').split(/[\n,，、]/).map((x) => x.trim()).filter(Boolean);

  const members = useRequest(
    (signal) => (can('venues:read') ? api.get<{ items: MemberProfile[] }>('/members', undefined, signal) : Promise.resolve({ items: [] as MemberProfile[] })),
    'members',
  );

  const run = async (fn: () => Promise<unknown>, form?: Parameters<typeof applyFieldErrors>[0], fields: string[] = []) => {
    setError(undefined);
    try {
      await fn();
      message.success(t('common.saved'));
      list.reload();
      onChanged?.();
      return true;
    } catch (err) {
      if (form) applyFieldErrors(form, err, fields);
      setError(err);
      return false;
    }
  };

  const items = list.data?.items ?? [];
  const base = `/api/v1/consultations/${consultationId}/suggestions/export`;
  return (
    <Card title={<h2 className="mh-card-title">{t('suggestions.listTitle')}</h2>} size="small" className="mh-block">
      {list.error && <ProblemAlert error={list.error} className="mh-block" />}
      {error !== undefined && <ProblemAlert error={error} className="mh-block" />}
      <Space wrap className="mh-block">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('suggestions.add')}
        </Button>
        <Button onClick={() => run(() => api.post(`/consultations/${consultationId}/suggestion-list`, {}))} disabled={items.length === 0}>
          {t('suggestions.issue')}
        </Button>
        <a href={`${base}?sheet=list&format=xlsx`} download>
          <DownloadOutlined /> {t('suggestions.exportListXlsx')}
        </a>
        <a href={`${base}?sheet=list&format=csv`} download>
          <DownloadOutlined /> {t('suggestions.exportListCsv')}
        </a>
        <a href={`${base}?sheet=assignment&format=xlsx`} download>
          <DownloadOutlined /> {t('suggestions.exportAssignmentXlsx')}
        </a>
        <a href={`${base}?sheet=assignment&format=csv`} download>
          <DownloadOutlined /> {t('suggestions.exportAssignmentCsv')}
        </a>
      </Space>
      {list.data && <RollupView t={t} rollup={list.data.rollup} />}
      {list.data && items.length === 0 && <Empty description={t('suggestions.empty')} />}
      <ol className="mh-suggestion-list">
        {items.map((s) => (
          <li key={s.id} className="mh-block" data-testid="suggestion-item">
            <div>
              <strong>{s.seq}.</strong> <StateTag t={t} state={s.state} />
              {s.decision && <Chip>{t(`suggestions.decisions.${s.decision}`)}</Chip>}
              {s.issuedAt && <Chip colour="green">{t('suggestions.issued')}</Chip>}
            </div>
            <p className="mh-pre">{s.text}</p>
            <p className="mh-muted mh-break">
              {t('suggestions.authors')}：{s.authors.map((a) => a.name).join('、') || '—'}
              {s.appeals.length > 0 && ` · ${t('suggestions.linkedAppeals')}：${s.appeals.map((a) => a.trackingNo).join('、')}`}
              {s.units.length > 0 && ` · ${s.units.map((u) => u.name).join('、')}`}
            </p>
            {s.decisionReason && <p className="mh-muted mh-pre">{t('suggestions.reason')}：{s.decisionReason}</p>}
            <Space wrap>
              {s.allowedActions.includes('edit') && (
                <Button size="small" onClick={() => (editForm.setFieldsValue({ text: s.text }), setEditing(s))}>
                  {t('suggestions.edit')}
                </Button>
              )}
              {s.allowedActions.includes('decide') && (
                <Button size="small" onClick={() => (decideForm.setFieldsValue({ decision: s.decision ?? 'adopted', reason: s.decisionReason ?? undefined }), setDeciding(s))}>
                  {t('suggestions.decide')}
                </Button>
              )}
              {s.allowedActions.includes('merge') && (
                <Button size="small" onClick={() => (mergeForm.resetFields(), setMerging(s))}>
                  {t('suggestions.merge')}
                </Button>
              )}
              <Link to={`/workbench/suggestions/${s.id}`}>{t('suggestions.open')}</Link>
            </Space>
          </li>
        ))}
      </ol>

      <Modal open={adding} title={t('suggestions.add')} okText={t('common.save')} onCancel={() => setAdding(false)} onOk={() => addForm.submit()} destroyOnHidden>
        <Form
          form={addForm}
          layout="vertical"
          onFinish={async (v) => {
            const authors = [...(v.memberIds ?? []).map((accountId) => ({ accountId })), ...split(v.names).map((name) => ({ name }))];
            if (await run(() => api.post(`/consultations/${consultationId}/suggestions`, { text: v.text, authors, appealIds: split(v.appealIds) }), addForm, ['text', 'authors', 'appealIds'])) {
              addForm.resetFields();
              setAdding(false);
            }
          }}
        >
          <Form.Item name="text" label={t('suggestions.text')} rules={[{ required: true, message: t('suggestions.textRequired') }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
          <Form.Item name="memberIds" label={t('suggestions.memberAuthors')}>
            <Select mode="multiple" optionFilterProp="label" options={(members.data?.items ?? []).map((m) => ({ value: m.accountId, label: m.name }))} />
          </Form.Item>
          <Form.Item name="names" label={t('suggestions.otherAuthors')} extra={t('suggestions.otherAuthorsHelp')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="appealIds" label={t('suggestions.appealIds')} extra={t('suggestions.appealIdsHelp')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal open={!!editing} title={t('suggestions.edit')} okText={t('common.save')} onCancel={() => setEditing(null)} onOk={() => editForm.submit()} destroyOnHidden>
        <Form
          form={editForm}
          layout="vertical"
          onFinish={async (v) => {
            if (editing && (await run(() => api.patch(`/suggestions/${editing.id}`, { version: editing.version, text: v.text }), editForm, ['text']))) setEditing(null);
          }}
        >
          <Form.Item name="text" label={t('suggestions.text')} rules={[{ required: true, message: t('suggestions.textRequired') }]}>
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        </Form>
      </Modal>

      <Modal open={!!deciding} title={t('suggestions.decide')} okText={t('common.save')} onCancel={() => setDeciding(null)} onOk={() => decideForm.submit()} destroyOnHidden>
        <Form
          form={decideForm}
          layout="vertical"
          onFinish={async (v) => {
            if (deciding && (await run(() => api.post(`/suggestions/${deciding.id}/decision`, { version: deciding.version, decision: v.decision, reason: v.reason || null }), decideForm, ['reason']))) setDeciding(null);
          }}
        >
          <Form.Item name="decision" label={t('suggestions.decision')} rules={[{ required: true }]}>
            <Select options={DECISIONS.map((d) => ({ value: d, label: t(`suggestions.decisions.${d}`) }))} />
          </Form.Item>
          <Form.Item name="reason" label={t('suggestions.reason')} extra={t('suggestions.reasonHelp')}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal open={!!merging} title={t('suggestions.merge')} okText={t('suggestions.merge')} onCancel={() => setMerging(null)} onOk={() => mergeForm.submit()} destroyOnHidden>
        <Form
          form={mergeForm}
          layout="vertical"
          onFinish={async (v) => {
            if (merging && (await run(() => api.post(`/suggestions/${merging.id}/merge`, { version: merging.version, intoId: v.intoId }), mergeForm, ['intoId']))) setMerging(null);
          }}
        >
          <p className="mh-muted">{t('suggestions.mergeHelp')}</p>
          <Form.Item name="intoId" label={t('suggestions.mergeInto')} rules={[{ required: true }]}>
            <Select
              options={items
                .filter((x) => merging && x.id !== merging.id && (x.state === 'proposed' || x.state === 'decided'))
                .map((x) => ({ value: x.id, label: `${x.seq}. ${x.text.slice(0, 40)}` }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
