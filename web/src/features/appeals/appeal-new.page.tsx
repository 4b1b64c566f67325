import { Alert, Button, Card, Checkbox, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { Appeal, Category, ListResponse, Territory } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { PhotoPicker, photoIdsOf, type PickedPhoto } from '../../components/photo-picker.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { categoryName } from './appeal-text.js';
import { categoryOptions } from './category-options.js';

/** The district whose towns the form offers. */
const DISTRICT = '330106';

interface NewAppealValues {
  channel: 'agent' | 'visit';
  categoryId?: string;
  town?: string;
  village?: string;
  address?: string;
  description?: string;
  residentName?: string;
  residentPhone?: string;
  flags?: ('anonymous' | 'confidential' | 'urgent')[];
  photos?: PickedPhoto[];
}

const FIELDS: Readonly<Record<string, string>> = {
  channel: 'channel',
  categoryId: 'categoryId',
  territoryCode: 'town',
  address: 'address',
  description: 'description',
  residentName: 'residentName',
  residentPhone: 'residentPhone',
  photoIds: 'photos',
};

function useChildren(code: string | undefined) {
  return useRequest(
    async (signal) =>
      code ? (await api.get<ListResponse<Territory>>(`/territories/${encodeURIComponent(code)}/children`, { limit: 200 }, signal)).items : [],
    code ?? '',
  );
}

/** 登记诉求: a hotline agent or member registers an appeal; the tracking number is shown after. */
export function AppealNewPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('appeals.new.title'));
  const [form] = Form.useForm<NewAppealValues>();
  const town = Form.useWatch('town', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const [created, setCreated] = useState<Appeal>();

  const categories = useRequest((signal) => api.get<{ items: Category[] }>('/categories', undefined, signal), 'categories');
  const towns = useChildren(DISTRICT);
  const villages = useChildren(town);

  const all = categories.data?.items ?? [];
  const categoryChoices = categoryOptions(all, (c) => categoryName(i18n.language, c));

  async function submit(values: NewAppealValues) {
    const photoIds = photoIdsOf(values.photos);
    if (!photoIds) {
      form.setFields([{ name: 'photos', errors: [t('photos.stillUploading')] }]);
      return;
    }
    setBusy(true);
    setError(undefined);
    setExtra([]);
    const flags = new Set(values.flags ?? []);
    try {
      const appeal = await api.post<Appeal>('/appeals', {
        channel: values.channel,
        categoryId: values.categoryId,
        territoryCode: values.village || values.town,
        address: values.address?.trim() || null,
        description: values.description?.trim() ?? '',
        residentName: values.residentName?.trim() || null,
        residentPhone: values.residentPhone?.trim() || null,
        anonymous: flags.has('anonymous'),
        confidential: flags.has('confidential'),
        urgent: flags.has('urgent'),
        photoIds,
      });
      setCreated(appeal);
    } catch (err) {
      setError(err);
      setExtra(applyFieldErrors(form, err, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  if (created) {
    return (
      <div className="mh-page mh-narrow">
        <h1 className="mh-page-title">{t('appeals.new.title')}</h1>
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('appeals.new.created')}
          description={
            <p className="mh-created-tracking">
              {t('appeals.new.createdDetail', { no: created.trackingNo })}
            </p>
          }
          className="mh-block"
        />
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Link to={`/workbench/appeals/${created.id}`} className="mh-button-link">
            {t('appeals.new.view')}
          </Link>
          <Button
            onClick={() => {
              setCreated(undefined);
              form.resetFields();
            }}
          >
            {t('appeals.new.another')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="mh-page mh-narrow">
      <p>
        <Link to="/workbench/appeals">{t('appeals.detail.back')}</Link>
      </p>
      <h1 className="mh-page-title">{t('appeals.new.title')}</h1>
      {(categories.error || towns.error) && <ProblemAlert error={categories.error ?? towns.error} className="mh-block" />}
      {error !== undefined && <ProblemAlert error={error} extra={extra} className="mh-block" />}
      <Card>
        <Form<NewAppealValues> form={form} name="new-appeal" layout="vertical" onFinish={submit} initialValues={{ channel: 'agent', flags: [] }}>
          <Form.Item name="channel" label={t('appeals.new.channel')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'agent', label: t('appeals.channels.agent') },
                { value: 'visit', label: t('appeals.channels.visit') },
              ]}
            />
          </Form.Item>
          <Form.Item name="categoryId" label={t('appeals.new.category')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={categoryChoices}
              loading={categories.loading}
              placeholder={t('appeals.new.category')}
            />
          </Form.Item>
          <Form.Item name="town" label={t('appeals.new.town')} rules={[{ required: true }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={towns.loading}
              options={(towns.data ?? []).map((x) => ({ value: x.code, label: x.name }))}
              onChange={() => form.setFieldValue('village', undefined)}
              placeholder={t('appeals.new.town')}
            />
          </Form.Item>
          <Form.Item name="village" label={t('appeals.new.village')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              disabled={!town}
              loading={villages.loading}
              options={(villages.data ?? []).map((x) => ({ value: x.code, label: x.name }))}
              placeholder={t('appeals.new.village')}
            />
          </Form.Item>
          <Form.Item name="address" label={t('appeals.new.address')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="description" label={t('appeals.new.description')} rules={[{ required: true, whitespace: true, min: 5 }]}>
            <Input.TextArea rows={5} maxLength={4000} showCount />
          </Form.Item>
          <Form.Item name="photos" label={t('appeals.form.photos')}>
            <PhotoPicker />
          </Form.Item>
          <Form.Item name="residentName" label={t('appeals.new.residentName')}>
            <Input maxLength={64} autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="residentPhone"
            label={t('appeals.new.residentPhone')}
            rules={[{ pattern: /^1\d{10}$/, message: t('appeals.new.phoneFormat') }]}
          >
            <Input type="tel" inputMode="numeric" maxLength={11} autoComplete="off" />
          </Form.Item>
          <Form.Item name="flags" label={t('appeals.detail.flagsLabel')}>
            <Checkbox.Group
              options={[
                { value: 'anonymous', label: t('appeals.new.anonymous') },
                { value: 'confidential', label: t('appeals.new.confidential') },
                { value: 'urgent', label: t('appeals.new.urgent') },
              ]}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('appeals.new.submit')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </div>
  );
}
