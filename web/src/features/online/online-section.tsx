import { App, Button, Card, Empty, Form, Input, Modal, Radio, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { OnlineIdentity, OnlineModeration, OnlineSummary } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { Chip } from '../suggestions/suggestion-text.js';

interface CreateValues {
  title: string;
  description?: string;
  identity: OnlineIdentity;
  moderation: OnlineModeration;
}

/** 线上微协商 on an event's workbench page: its online consultations and a form to open one. */
export function OnlineSection({ consultationId, manage }: { consultationId: string; manage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useRequest((signal) => api.get<{ items: OnlineSummary[] }>('/online-consultations', { consultationId }, signal), consultationId);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<CreateValues>();

  async function create(v: CreateValues) {
    setBusy(true);
    setError(undefined);
    setExtra([]);
    const description = v.description?.trim();
    try {
      await api.post('/online-consultations', { consultationId, title: v.title.trim(), ...(description ? { description } : {}), identity: v.identity, moderation: v.moderation });
      message.success(t('online.section.created'));
      setCreating(false);
      form.resetFields();
      list.reload();
    } catch (err) {
      setError(err);
      setExtra(applyFieldErrors(form, err, ['title', 'description', 'identity', 'moderation']));
    } finally {
      setBusy(false);
    }
  }

  const columns: TableColumnsType<OnlineSummary> = [
    { title: t('online.section.name'), dataIndex: 'title', render: (v: string, o) => <Link to={`/workbench/online/${o.id}`}>{v}</Link> },
    { title: t('online.admin.status'), dataIndex: 'state', render: (v: OnlineSummary['state']) => <Chip colour={v === 'open' ? 'blue' : 'grey'}>{t(`online.states.${v}`)}</Chip> },
    { title: t('online.section.participants'), dataIndex: 'participants' },
    { title: t('online.section.statements'), dataIndex: 'statements' },
  ];

  return (
    <Card
      size="small"
      className="mh-block"
      title={<h2 className="mh-card-title">{t('online.section.title')}</h2>}
      extra={
        manage && (
          <Button onClick={() => setCreating(true)} data-testid="online-create">
            {t('online.section.create')}
          </Button>
        )
      }
    >
      {list.error && <ProblemAlert error={list.error} className="mh-block" />}
      {list.data && list.data.items.length === 0 ? (
        <Empty description={t('online.section.none')} />
      ) : (
        <Table<OnlineSummary> rowKey="id" size="small" columns={columns} dataSource={list.data?.items ?? []} loading={list.loading} pagination={false} scroll={{ x: 'max-content' }} />
      )}
      <Modal open={creating} title={t('online.section.create')} okText={t('online.section.createSubmit')} cancelText={t('common.cancel')} confirmLoading={busy} onCancel={() => setCreating(false)} onOk={() => form.submit()} destroyOnHidden>
        {error !== undefined && <ProblemAlert error={error} extra={extra} className="mh-block" />}
        <Form<CreateValues> form={form} name="online-create" layout="vertical" initialValues={{ identity: 'device', moderation: 'pre' }} onFinish={(v) => void create(v)}>
          <Form.Item name="title" label={t('online.section.name')} rules={[{ required: true, whitespace: true, message: t('online.section.required') }]}>
            <Input maxLength={80} />
          </Form.Item>
          <Form.Item name="description" label={t('online.admin.description')}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
          <Form.Item name="identity" label={t('online.admin.identity')}>
            <Radio.Group options={(['device', 'phone'] as const).map((v) => ({ value: v, label: t(`online.identities.${v}`) }))} />
          </Form.Item>
          <Form.Item name="moderation" label={t('online.admin.moderation')}>
            <Radio.Group options={(['pre', 'post'] as const).map((v) => ({ value: v, label: t(`online.moderations.${v}`) }))} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
