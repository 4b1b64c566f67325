import { Alert, Button } from 'antd';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError, api, problemText } from '../../api/client.js';
import { useElderMode } from '../../app/elder-mode.js';
import type { Category, ListResponse, ResidentReceipt, SimilarHint, Territory } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { fieldErrorsOf } from '../../components/form-errors.js';
import { formatDateTime } from '../../components/format.js';
import { photoIdsOf, type PickedPhoto } from '../../components/picked-photo.js';
import { PhotoPickerLite } from '../../components/photo-picker-lite.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { TerritoryName } from '../../components/territory-name.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { categoryName, stateLabel } from '../appeals/appeal-labels.js';

/** The district whose towns the form offers. */
const DISTRICT = '330106';
const MAX_TEXT = 4000;
/** Characters as a person counts them (𣵦 is one), as the server limits them. */
const chars = (s: string) => [...s].length;

interface ReportValues {
  categoryId: string;
  town: string;
  village: string;
  address: string;
  description: string;
  photos: PickedPhoto[];
  anonymous: boolean;
  confidential: boolean;
  residentName: string;
  phone: string;
  code: string;
}

type FieldName = Exclude<keyof ReportValues, 'anonymous' | 'confidential'>;
type FieldErrors = Partial<Record<FieldName, string>>;

const EMPTY: ReportValues = {
  categoryId: '',
  town: '',
  village: '',
  address: '',
  description: '',
  photos: [],
  anonymous: false,
  confidential: false,
  residentName: '',
  phone: '',
  code: '',
};

/** The fields in the order they appear, for moving the focus to the first one in error. */
const ORDER: readonly FieldName[] = ['categoryId', 'town', 'village', 'address', 'description', 'photos', 'residentName', 'phone', 'code'];
const PHONE_RE = /^1[3-9]\d{9}$/;

/** The id of a field's control; its error and help texts hang off it. */
const idOf = (name: string) => `report-${name}`;

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

/** A labelled field: its control gets the id, aria-invalid and aria-describedby (help, then error). */
function Field({
  name,
  label,
  help,
  error,
  counter,
  children,
}: {
  name: FieldName;
  label: string;
  help?: string;
  error?: string;
  counter?: ReactNode;
  children: (a11y: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = idOf(name);
  const describedBy = [help && `${id}-help`, error && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div className="mh-field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined })}
      {counter}
      {help && (
        <div id={`${id}-help`} className="mh-field-help mh-muted">
          {help}
        </div>
      )}
      {error && (
        <div id={`${id}-error`} className="mh-field-error">
          {error}
        </div>
      )}
    </div>
  );
}

/** 我要反映: a resident files an appeal from a phone, without an account. */
export function ReportPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('report.title'));
  // A plain form (no antd Form, Select or Input): the page stays light on a phone.
  const [values, setValues] = useState<ReportValues>(EMPTY);
  const [invalid, setInvalid] = useState<FieldErrors>({});
  const [round, setRound] = useState(0);
  const { town, village, categoryId, description, anonymous, phone } = values;
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
  const villages = useChildren(town || undefined);
  const hints = useSimilar(categoryId || undefined, village || town || undefined, description);

  const all = categories.data?.items ?? [];
  const groups = all
    .filter((c) => !c.parentId)
    .map((parent) => ({
      id: parent.id,
      title: categoryName(i18n.language, parent),
      children: all.filter((c) => c.parentId === parent.id).map((c) => ({ value: c.id, title: categoryName(i18n.language, c) })),
    }))
    .filter((g) => g.children.length > 0);

  /** Sets a field and clears its complaint: the resident is fixing it. */
  function set<K extends keyof ReportValues>(name: K, value: ReportValues[K]) {
    setValues((v) => ({ ...v, [name]: value }));
    setInvalid((e) => (e[name as FieldName] ? { ...e, [name]: undefined } : e));
  }

  function check(v: ReportValues): FieldErrors {
    const problems: FieldErrors = {};
    if (!v.categoryId) problems.categoryId = t('report.required.category');
    if (!v.town) problems.town = t('report.required.town');
    const text = v.description;
    if (!text.trim()) problems.description = t('report.required.description');
    else if (chars(text) < 5) problems.description = t('report.tooShort');
    else if (chars(text) > MAX_TEXT) problems.description = t('report.tooLong', { max: MAX_TEXT });
    if (!v.phone) problems.phone = t('report.required.phone');
    else if (!PHONE_RE.test(v.phone)) problems.phone = t('report.phoneFormat');
    if (!v.code) problems.code = t('report.required.code');
    else if (!/^\d{6}$/.test(v.code)) problems.code = t('report.codeFormat');
    return problems;
  }

  /** Shows the complaints and moves the focus to the first field in error (opening 更多选项 if it is there). */
  function showProblems(problems: FieldErrors) {
    setInvalid(problems);
    const first = ORDER.find((name) => problems[name]);
    if (!first) return;
    if (elder && ['village', 'address', 'photos', 'residentName'].includes(first)) setMore(true);
    setTimeout(() => {
      const el = document.getElementById(idOf(first));
      const target = first === 'photos' ? el?.parentElement?.querySelector<HTMLElement>('button') : el;
      target?.scrollIntoView({ block: 'center' });
      target?.focus({ preventScroll: true });
    }, 0);
  }

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setError(undefined);
    setExtra([]);
    const problems = check(values);
    if (Object.values(problems).some(Boolean)) {
      showProblems(problems);
      return;
    }
    const photoIds = photoIdsOf(values.photos);
    if (!photoIds) {
      showProblems({ photos: t('photos.stillUploading') });
      return;
    }
    setInvalid({});
    setBusy(true);
    try {
      const r = await api.post<ResidentReceipt>('/public/appeals', {
        phone: values.phone.trim(),
        code: values.code.trim(),
        categoryId: values.categoryId,
        territoryCode: values.village || values.town,
        address: values.address.trim() || null,
        description: values.description.trim(),
        residentName: values.anonymous ? null : values.residentName.trim() || null,
        anonymous: values.anonymous,
        confidential: values.confidential,
        photoIds,
      });
      setReceipt(r);
      window.scrollTo(0, 0);
      // The form (and its focused button) is gone: the keyboard continues from the receipt.
      setTimeout(() => document.getElementById('main')?.focus({ preventScroll: true }), 0);
    } catch (err) {
      // Everything typed stays in the form; only the message is new.
      setError(err);
      const { byField, rest } = fieldErrorsOf(err, FIELDS);
      if (err instanceof ApiError && err.code === 'OTP_INVALID') byField.code = problemText(err);
      setExtra(rest);
      setInvalid(byField as FieldErrors);
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
              setValues(EMPTY);
              setInvalid({});
            }}
          >
            {t('report.another')}
          </Button>
        </div>
      </div>
    );
  }

  const count = chars(description);
  return (
    <div className="mh-page mh-narrow mh-report">
      <h1 className="mh-page-title">{t('report.title')}</h1>
      <p className="mh-muted">{t('report.lead')}</p>
      {(categories.error || towns.error) && <ProblemAlert error={categories.error ?? towns.error} className="mh-block" />}
      <div className="mh-panel">
        <form name="report" noValidate onSubmit={(e) => void submit(e)} className={elder ? 'mh-native-form mh-native-form-large' : 'mh-native-form'}>
          <Field name="categoryId" label={t('report.category')} error={invalid.categoryId}>
            {(a11y) => (
              <select {...a11y} name="categoryId" className="mh-input" value={categoryId} aria-busy={categories.loading || undefined} onChange={(e) => set('categoryId', e.target.value)}>
                <option value="" disabled>
                  {t('report.categoryPlaceholder')}
                </option>
                {groups.map((g) => (
                  <optgroup key={g.id} label={g.title}>
                    {g.children.map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.title}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
          <Field name="town" label={t('report.town')} error={invalid.town}>
            {(a11y) => (
              <select
                {...a11y}
                name="town"
                className="mh-input"
                value={town}
                aria-busy={towns.loading || undefined}
                onChange={(e) => {
                  set('town', e.target.value);
                  set('village', '');
                }}
              >
                <option value="" disabled>
                  {t('report.required.town')}
                </option>
                {(towns.data ?? []).map((x) => (
                  <option key={x.code} value={x.code}>
                    {x.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {elder && (
            <div className="mh-more-options">
              <Button size="large" aria-expanded={more} aria-controls="mh-report-optional mh-report-optional-photos" onClick={() => setMore((m) => !m)}>
                {more ? t('access.fewerOptions') : t('access.moreOptions')}
              </Button>
              {!more && <p className="mh-muted">{t('access.moreOptionsHelp')}</p>}
            </div>
          )}
          <div id="mh-report-optional" hidden={optionalHidden}>
            <Field name="village" label={t('report.village')} error={invalid.village}>
              {(a11y) => (
                <select {...a11y} name="village" className="mh-input" value={village} disabled={!town} aria-busy={villages.loading || undefined} onChange={(e) => set('village', e.target.value)}>
                  <option value="">{t('report.village')}</option>
                  {(villages.data ?? []).map((x) => (
                    <option key={x.code} value={x.code}>
                      {x.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field name="address" label={t('report.address')} error={invalid.address}>
              {(a11y) => <input {...a11y} name="address" className="mh-input" value={values.address} maxLength={200} autoComplete="street-address" onChange={(e) => set('address', e.target.value)} />}
            </Field>
          </div>
          <Field
            name="description"
            label={t('report.description')}
            help={t('report.descriptionHelp')}
            error={invalid.description}
            counter={
              <div className={count > MAX_TEXT ? 'mh-char-count mh-char-count-over' : 'mh-char-count'} aria-hidden="true">
                {count} / {MAX_TEXT}
              </div>
            }
          >
            {(a11y) => (
              <textarea
                {...a11y}
                name="description"
                className="mh-input mh-textarea"
                rows={6}
                maxLength={MAX_TEXT}
                value={description}
                onChange={(e) => set('description', e.target.value)}
              />
            )}
          </Field>
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
            <div className="mh-field" role="group" aria-labelledby="report-photos-label">
              <div id="report-photos-label" className="mh-field-label">
                {t('report.photos')}
              </div>
              <PhotoPickerLite key={round} id={idOf('photos')} describedBy={invalid.photos ? `${idOf('photos')}-error` : undefined} onChange={(photos) => set('photos', photos)} />
              {invalid.photos && (
                <div id={`${idOf('photos')}-error`} className="mh-field-error">
                  {invalid.photos}
                </div>
              )}
            </div>
            <div className="mh-field">
              <label className="mh-check">
                <input type="checkbox" name="anonymous" checked={anonymous} aria-describedby="report-anonymous-help" onChange={(e) => set('anonymous', e.target.checked)} />
                <span>{t('report.anonymous')}</span>
              </label>
              <div id="report-anonymous-help" className="mh-field-help mh-muted">
                {t('report.anonymousHelp')}
              </div>
            </div>
            <div className="mh-field">
              <label className="mh-check">
                <input type="checkbox" name="confidential" checked={values.confidential} aria-describedby="report-confidential-help" onChange={(e) => set('confidential', e.target.checked)} />
                <span>{t('report.confidential')}</span>
              </label>
              <div id="report-confidential-help" className="mh-field-help mh-muted">
                {t('report.confidentialHelp')}
              </div>
            </div>
            {!anonymous && (
              <Field name="residentName" label={t('report.name')} error={invalid.residentName}>
                {(a11y) => <input {...a11y} name="residentName" className="mh-input" value={values.residentName} maxLength={64} autoComplete="name" onChange={(e) => set('residentName', e.target.value)} />}
              </Field>
            )}
          </div>
          <Field name="phone" label={t('report.phone')} help={t('report.phoneHelp')} error={invalid.phone}>
            {(a11y) => (
              <input
                {...a11y}
                name="phone"
                className="mh-input"
                type="tel"
                inputMode="numeric"
                maxLength={11}
                autoComplete="tel-national"
                value={phone}
                onChange={(e) => set('phone', e.target.value)}
              />
            )}
          </Field>
          <div className="mh-report-code">
            <CodeButton phone={phone} onError={setCodeError} />
            {codeError !== undefined && <ProblemAlert error={codeError} />}
          </div>
          <Field name="code" label={t('report.code')} error={invalid.code}>
            {(a11y) => (
              <input {...a11y} name="code" className="mh-input" inputMode="numeric" maxLength={6} autoComplete="one-time-code" value={values.code} onChange={(e) => set('code', e.target.value)} />
            )}
          </Field>
          <div aria-live="assertive">{error !== undefined && <ProblemAlert error={error} extra={extra} className="mh-block" />}</div>
          <Button type="primary" htmlType="submit" size="large" loading={busy} block>
            {t('report.submit')}
          </Button>
        </form>
      </div>
    </div>
  );
}
