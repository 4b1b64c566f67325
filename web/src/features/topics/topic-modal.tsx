import { App, Form, Input, Modal, Radio } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Topic, TopicSource } from '../../api/types.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { TerritoryPicker } from '../../components/remote-select.js';
import { ConflictAlert, isConflict } from './conflict-alert.js';

interface TopicValues {
  title: string;
  description: string;
  territoryCode?: string | null;
  source?: TopicSource;
}

/** What the form opens with: a new topic (possibly from a cluster of appeals) or an existing one to revise. */
export type TopicDraft =
  | { kind: 'new'; title?: string; description?: string; territoryCode?: string | null; source: TopicSource; appealIds?: string[] }
  | { kind: 'edit'; topic: Topic };

const FIELDS = ['title', 'description', 'territoryCode', 'source', 'appealIds'];

/** Proposes a topic (点题) or revises a draft / a topic sent back; the server validates and decides. */
export function TopicModal({ draft, onClose, onSaved, onReload }: { draft: TopicDraft | undefined; onClose: () => void; onSaved: (t: Topic) => void; onReload?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TopicValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  useEffect(() => {
    setError(undefined);
    setExtra([]);
  }, [draft]);

  const fromAppeals = draft?.kind === 'new' && (draft.appealIds?.length ?? 0) > 0;
  const initialValues: TopicValues | undefined =
    draft?.kind === 'edit'
      ? { title: draft.topic.title, description: draft.topic.description, territoryCode: draft.topic.territoryCode }
      : draft
        ? { title: draft.title ?? '', description: draft.description ?? '', territoryCode: draft.territoryCode ?? null, source: draft.source }
        : undefined;

  async function submit(values: TopicValues) {
    if (!draft) return;
    setBusy(true);
    setError(undefined);
    setExtra([]);
    const common = { title: values.title.trim(), description: values.description.trim(), territoryCode: values.territoryCode || null };
    try {
      const saved =
        draft.kind === 'edit'
          ? await api.patch<Topic>(`/topics/${draft.topic.id}`, { ...common, version: draft.topic.version })
          : await api.post<Topic>('/topics', { ...common, source: fromAppeals ? 'appeals' : (values.source ?? draft.source), ...(fromAppeals ? { appealIds: draft.appealIds } : {}) });
      message.success(t('common.saved'));
      onSaved(saved);
    } catch (err) {
      setError(err);
      setExtra(applyFieldErrors(form, err, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={draft !== undefined}
      title={draft?.kind === 'edit' ? t('topics.form.editTitle') : fromAppeals ? t('topics.form.fromClusterTitle') : t('topics.form.proposeTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={draft?.kind === 'edit' ? t('common.save') : t('topics.form.saveDraft')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {isConflict(error) && onReload ? (
        <ConflictAlert
          onReload={() => {
            onClose();
            onReload();
          }}
        />
      ) : (
        error !== undefined && <ProblemAlert error={error} extra={extra} className="mh-block" />
      )}
      {fromAppeals && <p className="mh-muted">{t('topics.form.linkedAppeals', { count: draft.appealIds?.length ?? 0 })}</p>}
      <Form<TopicValues> form={form} name="topic" layout="vertical" onFinish={submit} initialValues={initialValues} preserve={false}>
        <Form.Item name="title" label={t('topics.fields.title')} rules={[{ required: true, whitespace: true }, { min: 4, message: t('topics.form.titleTooShort') }]}>
          <Input maxLength={100} showCount />
        </Form.Item>
        <Form.Item name="description" label={t('topics.fields.description')} rules={[{ required: true, whitespace: true }, { min: 10, message: t('topics.form.descriptionTooShort') }]}>
          <Input.TextArea rows={6} maxLength={4000} showCount />
        </Form.Item>
        <Form.Item name="territoryCode" label={t('topics.fields.territory')} extra={t('topics.form.territoryHint')}>
          <TerritoryPicker />
        </Form.Item>
        {draft?.kind === 'new' && !fromAppeals && (
          <Form.Item name="source" label={t('topics.fields.source')} rules={[{ required: true }]}>
            <Radio.Group
              options={(['member', 'committee'] as const).map((s) => ({ value: s, label: t(`topics.sources.${s}`) }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
