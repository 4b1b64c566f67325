import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ADDABLE_ARTEFACT_KINDS, AGENDA_ITEM_KINDS, INVITEE_KINDS, type AddableArtefactKind, type AgendaItemKind, type ConsultationDetail, type InviteeKind, type ListResponse } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { ProblemAlert } from '../../components/problem-alert.js';

interface Values {
  kind: AddableArtefactKind;
  title: string;
  body?: string;
  items?: { kind: AgendaItemKind; title: string; speaker?: string }[];
  invitees?: { kind: InviteeKind; accountId?: string; unitId?: string; name?: string; affiliation?: string }[];
}

/** Adds a document to an event: agenda items and invitations are structured, the rest is text. */
export function ArtefactModal({ event, kind, onClose, onSaved }: { event: ConsultationDetail; kind: AddableArtefactKind | undefined; onClose: () => void; onSaved: (c: ConsultationDetail) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const chosen = Form.useWatch('kind', form) ?? kind;
  const invitees = Form.useWatch('invitees', form);
  const open = kind !== undefined;
  const people = useRequest((signal) => (open && chosen === 'invitations' ? api.get<{ items: { accountId: string; name: string }[] }>('/members', { role: 'member' }, signal) : Promise.resolve(undefined)), `${open}:${chosen}`);
  const units = useRequest((signal) => (open && chosen === 'invitations' ? api.get<ListResponse<{ id: string; name: string }>>('/units', { limit: 200 }, signal) : Promise.resolve(undefined)), `${open}:${chosen}:u`);

  async function submit(v: Values) {
    setBusy(true);
    setError(undefined);
    try {
      const body =
        v.kind === 'agenda'
          ? { kind: v.kind, title: v.title, items: (v.items ?? []).map((i) => ({ kind: i.kind, title: i.title, speaker: i.speaker?.trim() || null })) }
          : v.kind === 'invitations'
            ? { kind: v.kind, title: v.title, invitees: (v.invitees ?? []).map((i) => ({ kind: i.kind, accountId: i.accountId ?? null, unitId: i.unitId ?? null, name: i.name?.trim() || null, affiliation: i.affiliation?.trim() || null })) }
            : { kind: v.kind, title: v.title, body: v.body ?? '' };
      const saved = await api.post<ConsultationDetail>(`/consultations/${event.id}/artefacts`, body);
      form.resetFields();
      onSaved(saved);
    } catch (err) {
      setExtra(applyFieldErrors(form, err, ['title', 'body', 'items', 'invitees']));
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal open={open} title={t('consultations.addArtefact')} okText={t('common.save')} cancelText={t('common.cancel')} confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} destroyOnHidden width={720}>
      {error !== undefined && <ProblemAlert error={error} extra={extra} className="mh-block" />}
      <Form<Values>
        form={form}
        name="artefact"
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind, title: kind ? t(`consultations.kinds.${kind}`) : '', items: [{ kind: 'briefing', title: '' }], invitees: [{ kind: 'resident' }] }}
      >
        <Form.Item name="kind" label={t('consultations.artefactKind')}>
          <Select options={ADDABLE_ARTEFACT_KINDS.map((k) => ({ value: k, label: t(`consultations.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('consultations.artefactTitle')} rules={[{ required: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        {chosen === 'agenda' && (
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <fieldset className="mh-block">
                <legend>{t('consultations.agendaItems')}</legend>
                {fields.map((f, i) => (
                  <Space key={f.key} wrap align="start">
                    <Form.Item name={[f.name, 'kind']}>
                      <Select aria-label={`${t('consultations.agendaItemKind')} ${i + 1}`} className="mh-filter-select" options={AGENDA_ITEM_KINDS.map((k) => ({ value: k, label: t(`consultations.agendaKinds.${k}`) }))} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'title']} rules={[{ required: true }]}>
                      <Input aria-label={`${t('consultations.agendaItemTitle')} ${i + 1}`} placeholder={t('consultations.agendaItemTitle')} maxLength={200} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'speaker']}>
                      <Input aria-label={`${t('consultations.agendaSpeaker')} ${i + 1}`} placeholder={t('consultations.agendaSpeaker')} maxLength={64} />
                    </Form.Item>
                    <Button icon={<MinusCircleOutlined />} aria-label={t('consultations.removeItem')} onClick={() => remove(f.name)} disabled={fields.length === 1} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'speech', title: '' })}>
                  {t('consultations.addItem')}
                </Button>
              </fieldset>
            )}
          </Form.List>
        )}
        {chosen === 'invitations' && (
          <Form.List name="invitees">
            {(fields, { add, remove }) => (
              <fieldset className="mh-block">
                <legend>{t('consultations.invitees')}</legend>
                {fields.map((f, i) => {
                  const k = invitees?.[f.name]?.kind;
                  return (
                    <Space key={f.key} wrap align="start">
                      <Form.Item name={[f.name, 'kind']}>
                        <Select aria-label={`${t('consultations.inviteeKind')} ${i + 1}`} className="mh-filter-select" options={INVITEE_KINDS.map((x) => ({ value: x, label: t(`consultations.inviteeKinds.${x}`) }))} />
                      </Form.Item>
                      {k === 'member' ? (
                        <Form.Item name={[f.name, 'accountId']} rules={[{ required: true }]}>
                          <Select aria-label={t('consultations.chooseMember')} showSearch optionFilterProp="label" className="mh-filter-select" placeholder={t('consultations.chooseMember')} options={(people.data?.items ?? []).map((p) => ({ value: p.accountId, label: p.name }))} />
                        </Form.Item>
                      ) : k === 'unit_representative' ? (
                        <Form.Item name={[f.name, 'unitId']} rules={[{ required: true }]}>
                          <Select aria-label={t('consultations.chooseUnit')} showSearch optionFilterProp="label" className="mh-filter-select" placeholder={t('consultations.chooseUnit')} options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
                        </Form.Item>
                      ) : (
                        <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                          <Input aria-label={`${t('consultations.inviteeName')} ${i + 1}`} placeholder={t('consultations.inviteeName')} maxLength={64} />
                        </Form.Item>
                      )}
                      <Form.Item name={[f.name, 'affiliation']}>
                        <Input aria-label={`${t('consultations.inviteeAffiliation')} ${i + 1}`} placeholder={t('consultations.inviteeAffiliation')} maxLength={64} />
                      </Form.Item>
                      <Button icon={<MinusCircleOutlined />} aria-label={t('consultations.removeItem')} onClick={() => remove(f.name)} disabled={fields.length === 1} />
                    </Space>
                  );
                })}
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'resident' })}>
                  {t('consultations.addItem')}
                </Button>
              </fieldset>
            )}
          </Form.List>
        )}
        {chosen !== 'agenda' && chosen !== 'invitations' && (
          <Form.Item name="body" label={t('consultations.artefactBody')} rules={[{ required: true }]}>
            <Input.TextArea rows={6} maxLength={20000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
