import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Category, ListResponse, TopicSummary, Visit, VisitConcern } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { categoryName } from '../appeals/appeal-text.js';
import { categoryOptions } from '../appeals/category-options.js';

export type ConcernAction = 'appeal' | 'topic';

interface Values {
  categoryId?: string;
  address?: string;
  topicId?: string;
}

/** Files a concern as an appeal (category, optional address) or attaches it to a topic the member can see. */
export function ConcernModal({
  visit,
  concern,
  action,
  onClose,
  onDone,
}: {
  visit: Visit;
  concern: VisitConcern | undefined;
  action: ConcernAction | undefined;
  onClose: () => void;
  onDone: (v: Visit) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  useEffect(() => setError(undefined), [concern, action]);
  const categories = useRequest(
    (signal) => (action === 'appeal' ? api.get<{ items: Category[] }>('/categories', undefined, signal) : Promise.resolve({ items: [] })),
    `categories:${action ?? ''}`,
  );
  const topics = useRequest(
    (signal) => (action === 'topic' ? api.get<ListResponse<TopicSummary>>('/topics', { limit: 100 }, signal) : Promise.resolve({ items: [], page: { limit: 0, offset: 0, total: 0 } })),
    `topics:${action ?? ''}`,
  );
  if (!concern || !action) return null;

  async function submit(values: Values) {
    if (!concern || !action) return;
    setBusy(true);
    setError(undefined);
    try {
      const next =
        action === 'appeal'
          ? await api.post<Visit>(`/visits/${visit.id}/concerns/${concern.id}/appeal`, { version: visit.version, categoryId: values.categoryId, address: values.address?.trim() || null })
          : await api.post<Visit>(`/visits/${visit.id}/concerns/${concern.id}/topic`, { version: visit.version, topicId: values.topicId });
      message.success(action === 'appeal' ? t('visits.concern.filedDone') : t('visits.concern.attachedDone'));
      onDone(next);
    } catch (err) {
      setError(err);
      setExtra(applyFieldErrors(form, err, ['categoryId', 'address', 'topicId']));
    } finally {
      setBusy(false);
    }
  }

  const title = action === 'appeal' ? t('visits.concern.file') : t('visits.concern.attach');
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} okText={title} cancelText={t('common.cancel')} confirmLoading={busy} mask={{ closable: false }} destroyOnHidden>
      {error !== undefined && <ProblemAlert error={error} extra={extra} className="mh-block" />}
      <p className="mh-pre mh-block">{concern.text}</p>
      <Form<Values> form={form} name={`concern-${action}`} layout="vertical" onFinish={submit} preserve={false}>
        {action === 'appeal' ? (
          <>
            <Form.Item name="categoryId" label={t('visits.concern.category')} rules={[{ required: true }]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={categories.loading}
                options={categoryOptions(categories.data?.items ?? [], (c) => categoryName(i18n.language, c))}
              />
            </Form.Item>
            <Form.Item name="address" label={t('visits.concern.address')}>
              <Input maxLength={200} />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="topicId" label={t('visits.concern.topic')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={topics.loading}
              options={(topics.data?.items ?? []).filter((x) => x.state !== 'rejected').map((x) => ({ value: x.id, label: x.title }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
