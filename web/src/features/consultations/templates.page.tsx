import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Form, Input, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { ARTEFACT_KINDS, type ProcedureStep, type ProcedureTemplate } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';

interface Values {
  name: string;
  description?: string;
  active: boolean;
  steps: ProcedureStep[];
}

/** Edits one template (or a new one): its steps in order and the documents each step requires. */
function TemplateEditor({ template, onSaved }: { template: ProcedureTemplate | undefined; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const formName = `template-${template?.id ?? 'new'}`;

  async function submit(v: Values) {
    setBusy(true);
    setError(undefined);
    const body = { name: v.name, description: v.description ?? '', steps: v.steps.map((s) => ({ key: s.key, label: s.label, requires: s.requires ?? [] })) };
    try {
      if (template) await api.patch(`/procedure-templates/${template.id}`, { ...body, active: v.active, version: template.version });
      else await api.post('/procedure-templates', body);
      message.success(t('templates.saved'));
      if (!template) form.resetFields();
      onSaved();
    } catch (err) {
      setExtra(applyFieldErrors(form, err, ['name', 'description', 'steps']));
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" className="mh-block" title={<h2 className="mh-card-title">{template ? template.name : t('templates.create')}</h2>}>
      {error !== undefined && <ProblemAlert error={error} extra={extra} className="mh-block" />}
      <Form<Values>
        form={form}
        name={formName}
        layout="vertical"
        onFinish={submit}
        initialValues={template ? { name: template.name, description: template.description, active: template.active, steps: template.steps } : { name: '', active: true, steps: [{ key: 'consult', label: '', requires: [] }] }}
      >
        <Form.Item name="name" label={t('templates.name')} rules={[{ required: true }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="description" label={t('templates.description')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        {template && (
          <Form.Item name="active" label={t('templates.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
        <Form.List name="steps">
          {(fields, { add, remove, move }) => (
            <fieldset className="mh-block">
              <legend>{t('templates.steps')}</legend>
              {fields.map((f, i) => (
                <Space key={f.key} wrap align="start">
                  <span>{i + 1}.</span>
                  <Form.Item name={[f.name, 'key']} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,31}$/ }]}>
                    <Input aria-label={`${t('templates.stepKey')} ${i + 1}`} placeholder={t('templates.stepKey')} maxLength={32} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'label']} rules={[{ required: true }]}>
                    <Input aria-label={`${t('templates.stepLabel')} ${i + 1}`} placeholder={t('templates.stepLabel')} maxLength={40} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'requires']}>
                    <Select
                      mode="multiple"
                      aria-label={`${t('templates.stepRequires')} ${i + 1}`}
                      placeholder={t('templates.stepRequires')}
                      className="mh-filter-select"
                      options={ARTEFACT_KINDS.map((k) => ({ value: k, label: t(`consultations.kinds.${k}`) }))}
                    />
                  </Form.Item>
                  <Button aria-label={`${t('templates.removeStep')} ${i + 1}`} icon={<MinusCircleOutlined />} disabled={fields.length === 1} onClick={() => remove(f.name)} />
                  {i > 0 && (
                    <Button aria-label={`↑ ${i + 1}`} onClick={() => move(i, i - 1)}>
                      ↑
                    </Button>
                  )}
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ key: '', label: '', requires: [] })}>
                {t('templates.addStep')}
              </Button>
            </fieldset>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** 协商规程: administrators and district staff edit the step templates events follow. */
export function TemplatesPage() {
  const { t } = useTranslation();
  usePageTitle(t('templates.title'));
  const list = useRequest((signal) => api.get<{ items: ProcedureTemplate[] }>('/procedure-templates', undefined, signal), 'templates');
  return (
    <div className="mh-page">
      <h1 className="mh-page-title">{t('templates.title')}</h1>
      <p className="mh-muted">{t('templates.intro')}</p>
      {list.error && <ProblemAlert error={list.error} className="mh-block" />}
      {(list.data?.items ?? []).map((x) => (
        <TemplateEditor key={`${x.id}:${x.version}`} template={x} onSaved={list.reload} />
      ))}
      <TemplateEditor template={undefined} onSaved={list.reload} />
    </div>
  );
}
