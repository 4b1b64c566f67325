import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Visit } from '../../api/types.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { TerritoryPicker } from '../../components/remote-select.js';

interface VisitValues {
  visitedOn: string;
  territoryCode: string;
  place: string;
  summary: string;
  concerns: { text: string }[];
}

const FIELDS = ['visitedOn', 'territoryCode', 'place', 'summary', 'concerns'];
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** Records a visit (走访): when, which village or community, where exactly, what was heard. */
export function VisitModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: (v: Visit) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<VisitValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  useEffect(() => setError(undefined), [open]);

  async function submit(values: VisitValues) {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await api.post<Visit>('/visits', {
        visitedOn: values.visitedOn,
        territoryCode: values.territoryCode,
        place: values.place.trim(),
        summary: values.summary.trim(),
        concerns: (values.concerns ?? []).map((c) => ({ text: c.text.trim() })).filter((c) => c.text),
      });
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
      open={open}
      title={t('visits.form.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {error !== undefined && <ProblemAlert error={error} extra={extra} className="mh-block" />}
      <Form<VisitValues> form={form} name="visit" layout="vertical" onFinish={submit} initialValues={{ visitedOn: chinaToday(), concerns: [{ text: '' }] }} preserve={false}>
        <Form.Item name="visitedOn" label={t('visits.fields.visitedOn')} rules={[{ required: true }]}>
          <Input type="date" max={chinaToday()} />
        </Form.Item>
        <Form.Item name="territoryCode" label={t('visits.fields.territory')} extra={t('visits.form.territoryHint')} rules={[{ required: true }]}>
          <TerritoryPicker />
        </Form.Item>
        <Form.Item name="place" label={t('visits.fields.place')} extra={t('visits.form.placeHint')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="summary" label={t('visits.fields.summary')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={4000} showCount />
        </Form.Item>
        <Form.List name="concerns">
          {(fields, { add, remove }) => (
            <fieldset className="mh-fieldset">
              <legend>{t('visits.fields.concerns')}</legend>
              {fields.map((field, i) => (
                <div key={field.key} className="mh-concern-row">
                  <Form.Item name={[field.name, 'text']} label={t('visits.form.concernN', { n: i + 1 })} rules={[{ required: true, whitespace: true }]}>
                    <Input.TextArea rows={2} maxLength={2000} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t('visits.form.removeConcern', { n: i + 1 })} onClick={() => remove(field.name)} />
                </div>
              ))}
              {fields.length < 20 && (
                <Button icon={<PlusOutlined />} onClick={() => add({ text: '' })}>
                  {t('visits.form.addConcern')}
                </Button>
              )}
            </fieldset>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
