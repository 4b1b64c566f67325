import { Alert, Button, Checkbox, Form, Input, Select, TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError, api, problemText } from '../../api/client.js';
import { useElderMode } from '../../app/elder-mode.js';
import type { Category, ListResponse, ResidentReceipt, SimilarHint, Territory } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { formatDateTime } from '../../components/format.js';
import { PhotoPicker, photoIdsOf, type PickedPhoto } from '../../components/photo-picker.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { TerritoryName } from '../../components/territory-name.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { categoryName, stateLabel } from '../appeals/appeal-text.js';

/** The district whose towns the form offers. */
const DISTRICT = '330106';
const MAX_TEXT = 4000;
/** Characters as a person counts them (𣵦 is one), as the server limits them. */
const chars = (s: string) => [...s].length;

interface ReportValues {
  categoryId?: string;
  town?: string;
  village?: string;
  address?: string;
  description?: string;
  photos?: PickedPhoto[];
  anonymous?: boolean;
  confidential?: boolean;
  residentName?: string;
  phone?: string;
  code?: string;
}

const FIELDS: Readonly<Record<string, string>> = {
  categoryId: 'categoryId',
  territoryCode: 'town',
  address: 'address',
  description: 'description',
  photoIds: 'photos',
  residentName: 'residentName',
  phone: 'phone',
  code: 'code',
};

function useChildren(code: string | undefined) {
  return useRequest(
    async (signal) => (code ? (await api.get<ListResponse<Territory>>(`/territories/${encodeURIComponent(code)}/children`, { limit: 200 }, signal)).items : []),
    code ?? '',
  );
}

/** Similar open appeals nearby while the resident types (after a pause), without their text. */
function useSimilar(categoryId: string | undefined, territoryCode: string | undefined, text: string | undefined) {
  const [hints, setHints] = useState<SimilarHint[]>([]);
  const query = (text ?? '').trim();
  useEffect(() => {
    if (!categoryId || !territoryCode || chars(query) < 6) {
      setHints([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .get<{ items: SimilarHint[] }>('/public/appeals/similar', { categoryId, territoryCode, text: query.slice(0, 1000) }, controller.signal)
        .then((r) => setHints(r.items))
        .catch(() => setHints([]));
    }, 600);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [categoryId, territoryCode, query]);
  return hints;
}

/** The "get a code" button: asks for an SMS code and counts down until another may be sent. */
function CodeButton({ phone, onError }: { phone: string | undefined; onError: (err: unknown) => void }) {
  const { t } = useTranslation();
  const [wait, setWait] = useState(0);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait((w) => w - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);
  async function send() {
    setBusy(true);
    onError(undefined);
    try {
      const r = await api.post<{ resendAfterSeconds: number }>('/public/otp', { phone: phone?.trim() });
      setWait(r.resendAfterSeconds);
      setSent(true);
    } catch (err) {
      onError(err);
      if (err instanceof ApiError && err.code === 'RATE_LIMITED') setWait(60);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Button size="large" onClick={send} loading={busy} disabled={wait > 0 || !/^1[3-9]\d{9}$/.test(phone?.trim() ?? '')}>
        {wait > 0 ? t('report.resendIn', { seconds: wait }) : t('report.sendCode')}
      </Button>
      <div aria-live="polite" className="mh-muted">
        {sent && t('report.codeSent')}
      </div>
    </>
  );
}

/** 我要反映: a resident files an appeal from a phone, without an account. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('report.title'));
  const [form] = Form.useForm<ReportValues>();
  const [round, setRound] = useState(0);
  const town = Form.useWatch('town', form);
  const village = Form.useWatch('village', form);
  const categoryId = Form.useWatch('categoryId', form);
  const description = Form.useWatch('description', form);
  const anonymous = Form.useWatch('anonymous', form);
  const phone = Form.useWatch('phone', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [codeError, setCodeError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const [receipt, setReceipt] = useState<ResidentReceipt>();
  // Elder mode keeps the form to what every report needs; the rest waits behind 更多选项.
  const elder = useElderMode();
  const [more, setMore] = useState(false);
  const optionalHidden = elder && !more;

  const categories = useRequest((signal) => api.get<{ items: Category[] }>('/categories', undefined, signal), 'categories');
  const towns = useChildren(DISTRICT);
  const villages = useChildren(town);
  const hints = useSimilar(categoryId, village || town, description);

  const all = categories.data?.items ?? [];
  const treeData = all
    .filter((c) => !c.parentId)
    .map((parent) => ({
      value: `group:${parent.id}`,
      title: categoryName(i18n.language, parent),
      selectable: false,
      children: all.filter((c) => c.parentId === parent.id).map((c) => ({ value: c.id, title: categoryName(i18n.language, c) })),
    }))
    .filter((g) => g.children.length > 0);

  async function submit(values: ReportValues) {
    setError(undefined);
    setExtra([]);
    const photoIds = photoIdsOf(values.photos);
    if (!photoIds) {
      form.setFields([{ name: 'photos', errors: [t('photos.stillUploading')] }]);
      return;
    }
    setBusy(true);
    try {
      const r = await api.post<ResidentReceipt>('/public/appeals', {
        phone: values.phone?.trim(),
        code: values.code?.trim(),
        categoryId: values.categoryId,
        territoryCode: values.village || values.town,
        address: values.address?.trim() || null,
        description: values.description?.trim() ?? '',
        residentName: values.anonymous ? null : values.residentName?.trim() || null,
        anonymous: values.anonymous === true,
        confidential: values.confidential === true,
        photoIds,
      });
      setReceipt(r);
      window.scrollTo(0, 0);
      // The form (and its focused button) is gone: the keyboard continues from the receipt.
      setTimeout(() => document.getElementById('main')?.focus({ preventScroll: true }), 0);
    } catch (err) {
      // Everything typed stays in the form; only the message is new.
      setError(err);
      setExtra(applyFieldErrors(form, err, FIELDS));
      if (err instanceof ApiError && err.code === 'OTP_INVALID') form.setFields([{ name: 'code', errors: [problemText(err)] }]);
    } finally {
      setBusy(false);
    }
  }

  if (receipt) {
    return (
      <div className="mh-page mh-narrow mh-report">
        <h1 className="mh-page-title">{t('report.title')}</h1>
        <Alert
          type="success"
          showIcon
          role="status"
          title={t('report.received')}
          description={
            <>
              <p className="mh-report-tracking">
                {t('report.trackingNo')}
                <strong>
                  <code>{receipt.trackingNo}</code>
                </strong>
              </p>
              <p>{t('report.keepNumber')}</p>
            </>
          }
          className="mh-block"
        />
        <div className="mh-report-actions">
          <Link to={receipt.statusPath} className="mh-button-link">
            {t('report.followStatus')}
          </Link>
          <Button
            size="large"
            onClick={() => {
              setReceipt(undefined);
              setRound((r) => r + 1);
              form.resetFields();
            }}
          >
            {t('report.another')}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className="mh-page mh-narrow mh-report">
      <h1 className="mh-page-title">{t('report.title')}</h1>
      <p className="mh-muted">{t('report.lead')}</p>
      {(categories.error || towns.error) && <ProblemAlert error={categories.error ?? towns.error} className="mh-block" />}
      <div className="mh-panel">
        <Form<ReportValues> form={form} name="report" layout="vertical" onFinish={submit} initialValues={{ anonymous: false, confidential: false }} size="large" scrollToFirstError>
          <Form.Item name="categoryId" label={t('report.category')} rules={[{ required: true, message: t('report.required.category') }]}>
            <TreeSelect
              treeData={treeData}
              treeDefaultExpandAll
              showSearch={{ treeNodeFilterProp: 'title' }}
              loading={categories.loading}
              placeholder={t('report.categoryPlaceholder')}
              popupMatchSelectWidth
            />
          </Form.Item>
          <Form.Item name="town" label={t('report.town')} rules={[{ required: true, message: t('report.required.town') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={towns.loading}
              options={(towns.data ?? []).map((x) => ({ value: x.code, label: x.name }))}
              onChange={() => form.setFieldValue('village', undefined)}
              placeholder={t('report.town')}
            />
          </Form.Item>
          {elder && (
            <div className="mh-more-options">
              <Button size="large" aria-expanded={more} aria-controls="mh-report-optional mh-report-optional-photos" onClick={() => setMore((m) => !m)}>
                {more ? t('access.fewerOptions') : t('access.moreOptions')}
              </Button>
              {!more && <p className="mh-muted">{t('access.moreOptionsHelp')}</p>}
            </div>
          )}
          <div id="mh-report-optional" hidden={optionalHidden}>
          <Form.Item name="village" label={t('report.village')}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              disabled={!town}
              loading={villages.loading}
              options={(villages.data ?? []).map((x) => ({ value: x.code, label: x.name }))}
              placeholder={t('report.village')}
            />
          </Form.Item>
          <Form.Item name="address" label={t('report.address')}>
            <Input maxLength={200} autoComplete="street-address" />
          </Form.Item>
          </div>
          <Form.Item
            name="description"
            label={t('report.description')}
            extra={t('report.descriptionHelp')}
            rules={[
              { required: true, whitespace: true, message: t('report.required.description') },
              { min: 5, message: t('report.tooShort') },
              { validator: async (_r, v: string | undefined) => (chars(v ?? '') > MAX_TEXT ? Promise.reject(new Error(t('report.tooLong', { max: MAX_TEXT }))) : undefined) },
            ]}
          >
            <Input.TextArea rows={6} count={{ show: true, max: MAX_TEXT, strategy: chars }} />
          </Form.Item>
          <div aria-live="polite" className="mh-similar">
            {hints.length > 0 && (
              <Alert
                type="info"
                showIcon
                className="mh-block"
                title={t('report.similarTitle', { count: hints.length })}
                description={
                  <>
                    <ul className="mh-similar-list">
                      {hints.map((h, i) => (
                        <li key={i}>
                          <TerritoryName code={h.territoryCode} /> · {stateLabel(t, h.state)} · <time dateTime={h.createdAt}>{formatDateTime(h.createdAt)}</time>
                        </li>
                      ))}
                    </ul>
                    <p>{t('report.similarHelp')}</p>
                  </>
                }
              />
            )}
          </div>
          <div id="mh-report-optional-photos" hidden={optionalHidden}>
          <Form.Item name="photos" label={t('report.photos')}>
            <PhotoPicker key={round} />
          </Form.Item>
          <Form.Item name="anonymous" valuePropName="checked" extra={t('report.anonymousHelp')}>
            <Checkbox>{t('report.anonymous')}</Checkbox>
          </Form.Item>
          <Form.Item name="confidential" valuePropName="checked" extra={t('report.confidentialHelp')}>
            <Checkbox>{t('report.confidential')}</Checkbox>
          </Form.Item>
          {!anonymous && (
            <Form.Item name="residentName" label={t('report.name')}>
              <Input maxLength={64} autoComplete="name" />
            </Form.Item>
          )}
          </div>
          <Form.Item
            name="phone"
            label={t('report.phone')}
            extra={t('report.phoneHelp')}
            rules={[
              { required: true, message: t('report.required.phone') },
              { pattern: /^1[3-9]\d{9}$/, message: t('report.phoneFormat') },
            ]}
          >
            <Input type="tel" inputMode="numeric" maxLength={11} autoComplete="tel-national" />
          </Form.Item>
          <div className="mh-report-code">
            <CodeButton phone={phone} onError={setCodeError} />
            {codeError !== undefined && <ProblemAlert error={codeError} />}
          </div>
          <Form.Item
            name="code"
            label={t('report.code')}
            rules={[
              { required: true, message: t('report.required.code') },
              { pattern: /^\d{6}$/, message: t('report.codeFormat') },
            ]}
          >
            <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
          </Form.Item>
          <div aria-live="assertive">{error !== undefined && <ProblemAlert error={error} extra={extra} className="mh-block" />}</div>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block>
              {t('report.submit')}
            </Button>
          </Form.Item>
        </Form>
      </div>
    </div>
  );
}
