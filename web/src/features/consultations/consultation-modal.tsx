import { Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { CONSULTATION_MODES, type Campaign, type ConsultationDetail, type ConsultationMode, type ListResponse, type ProcedureTemplate, type Venue } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { ProblemAlert } from '../../components/problem-alert.js';

interface Values {
  title: string;
  summary?: string;
  mode: ConsultationMode;
  venueId?: string;
  territoryCode?: string;
  campaignId?: string;
  templateId: string;
  topicIds: string[];
  startsAt: string;
  endsAt?: string;
}

const FIELDS = ['title', 'summary', 'mode', 'venueId', 'territoryCode', 'campaignId', 'templateId', 'topicIds', 'startsAt', 'endsAt'];

/** A local date-time from the browser's picker as an instant. */
const instant = (local: string) => new Date(local).toISOString();

/** Plans a new event: filed topics, a venue (or online), a procedure, optionally a campaign. */
export function ConsultationModal({ open, onClose, onSaved, campaignId }: { open: boolean; onClose: () => void; onSaved: (c: ConsultationDetail) => void; campaignId?: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const mode = Form.useWatch('mode', form);
  const key = String(open);
  const venues = useRequest((signal) => (open ? api.get<ListResponse<Venue>>('/venues', { active: 'true', limit: 200 }, signal) : Promise.resolve(undefined)), key);
  const topics = useRequest((signal) => (open ? api.get<ListResponse<{ id: string; title: string }>>('/topics', { state: 'filed', limit: 200 }, signal) : Promise.resolve(undefined)), key);
  const templates = useRequest((signal) => (open ? api.get<{ items: ProcedureTemplate[] }>('/procedure-templates', undefined, signal) : Promise.resolve(undefined)), key);
  const campaigns = useRequest((signal) => (open ? api.get<ListResponse<Campaign>>('/campaigns', { limit: 200 }, signal) : Promise.resolve(undefined)), key);
  const activeTemplates = (templates.data?.items ?? []).filter((x) => x.active);
  useEffect(() => {
    if (!form.getFieldValue('templateId') && activeTemplates[0]) form.setFieldValue('templateId', activeTemplates[0].id);
  }, [templates.data]);

  async function submit(v: Values) {
    setBusy(true);
    setError(undefined);
    try {
      const created = await api.post<ConsultationDetail>('/consultations', {
        title: v.title,
        summary: v.summary ?? '',
        mode: v.mode,
        venueId: v.mode === 'online' ? null : (v.venueId ?? null),
        territoryCode: v.mode === 'online' ? v.territoryCode || null : null,
        campaignId: v.campaignId ?? null,
        templateId: v.templateId,
        topicIds: v.topicIds,
        startsAt: instant(v.startsAt),
        endsAt: v.endsAt ? instant(v.endsAt) : null,
      });
      form.resetFields();
      onSaved(created);
    } catch (err) {
      setExtra(applyFieldErrors(form, err, FIELDS));
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open={open} title={t('consultations.createTitle')} okText={t('common.create')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      {error !== undefined && <ProblemAlert error={error} extra={extra} className="mh-block" />}
      <Form<Values> form={form} name="consultation" layout="vertical" onFinish={submit} initialValues={{ mode: 'on_site', topicIds: [], campaignId }}>
        <Form.Item name="title" label={t('consultations.name')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="topicIds" label={t('consultations.topics')} extra={t('consultations.topicsHint')} rules={[{ required: true }]}>
          <Select mode="multiple" optionFilterProp="label" options={(topics.data?.items ?? []).map((x) => ({ value: x.id, label: x.title }))} />
        </Form.Item>
        <Form.Item name="mode" label={t('consultations.mode')}>
          <Select options={CONSULTATION_MODES.map((m) => ({ value: m, label: t(`consultations.modes.${m}`) }))} />
        </Form.Item>
        {mode === 'online' ? (
          <Form.Item name="territoryCode" label={t('consultations.territory')}>
            <Input maxLength={12} inputMode="numeric" />
          </Form.Item>
        ) : (
          <Form.Item name="venueId" label={t('consultations.venue')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={(venues.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
        )}
        <Form.Item name="templateId" label={t('consultations.template')} rules={[{ required: true }]}>
          <Select options={activeTemplates.map((x) => ({ value: x.id, label: x.name }))} />
        </Form.Item>
        <Form.Item name="campaignId" label={t('consultations.campaign')}>
          <Select allowClear placeholder={t('consultations.noCampaign')} options={(campaigns.data?.items ?? []).map((x) => ({ value: x.id, label: x.title }))} />
        </Form.Item>
        <Form.Item name="startsAt" label={t('consultations.startsAt')} rules={[{ required: true }]}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="endsAt" label={t('consultations.endsAt')}>
          <Input type="datetime-local" />
        </Form.Item>
        <Form.Item name="summary" label={t('consultations.summary')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
