import { App, Checkbox, Form, Input, Modal, Select, Switch, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import { STATION_KINDS, VENUE_KINDS, type StationKind, type Venue, type VenueKind } from '../../api/types.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { TerritoryPicker } from '../../components/remote-select.js';
import { weekday } from './venue-text.js';

interface VenueValues {
  kind: VenueKind;
  stationKind?: StationKind | null;
  name: string;
  territoryCode?: string | null;
  address: string;
  days: number[];
  from: Dayjs;
  to: Dayjs;
  note?: string;
  public: boolean;
}

const FIELDS = ['kind', 'stationKind', 'name', 'territoryCode', 'address', 'note', 'public'];
const DAYS = [1, 2, 3, 4, 5, 6, 7];

/** Opens or edits a venue; opening hours are entered as the same range on chosen weekdays. */
export function VenueModal({ venue, onClose, onSaved }: { venue: Venue | 'new' | undefined; onClose: () => void; onSaved: (v: Venue) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<VenueValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const kind = Form.useWatch('kind', form);
  useEffect(() => setError(undefined), [venue]);

  const existing = venue && venue !== 'new' ? venue : undefined;
  const first = existing?.openingHours.ranges[0];
  const initialValues: VenueValues = existing
    ? {
        kind: existing.kind,
        stationKind: existing.stationKind,
        name: existing.name,
        territoryCode: existing.territoryCode,
        address: existing.address,
        days: [...new Set(existing.openingHours.ranges.map((r) => r.weekday))],
        from: dayjs(`2000-01-01T${first?.from ?? '09:00'}`),
        to: dayjs(`2000-01-01T${first?.to ?? '17:00'}`),
        note: existing.openingHours.note ?? '',
        public: existing.public,
      }
    : { kind: 'station', stationKind: 'community', name: '', territoryCode: null, address: '', days: [1, 2, 3, 4, 5], from: dayjs('2000-01-01T09:00'), to: dayjs('2000-01-01T17:00'), note: '', public: true };

  async function submit(values: VenueValues) {
    setBusy(true);
    setError(undefined);
    const openingHours = {
      ranges: [...values.days].sort().map((weekday) => ({ weekday, from: values.from.format('HH:mm'), to: values.to.format('HH:mm') })),
      note: values.note?.trim() || null,
    };
    const common = { name: values.name.trim(), territoryCode: values.territoryCode || null, address: values.address.trim(), openingHours, public: values.public };
    try {
      const saved = existing
        ? await api.patch<Venue>(`/venues/${existing.id}`, { ...common, version: existing.version, ...(existing.kind === 'station' ? { stationKind: values.stationKind } : {}) })
        : await api.post<Venue>('/venues', { ...common, kind: values.kind, stationKind: values.kind === 'station' ? values.stationKind : null });
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
      open={venue !== undefined}
      title={existing ? t('venues.editTitle') : t('venues.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {error !== undefined && <ProblemAlert error={error} extra={extra} className="mh-block" />}
      <Form<VenueValues> form={form} name="venue" layout="vertical" onFinish={submit} initialValues={initialValues} preserve={false}>
        <Form.Item name="kind" label={t('venues.kind')} rules={[{ required: true }]}>
          <Select<VenueKind> disabled={existing !== undefined} options={VENUE_KINDS.map((k) => ({ value: k, label: t(`venues.kinds.${k}`) }))} />
        </Form.Item>
        {kind === 'station' && (
          <Form.Item name="stationKind" label={t('venues.stationKind')} rules={[{ required: true }]}>
            <Select<StationKind> options={STATION_KINDS.map((k) => ({ value: k, label: t(`venues.stationKinds.${k}`) }))} />
          </Form.Item>
        )}
        <Form.Item name="name" label={t('venues.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="territoryCode" label={t('venues.territory')} extra={t('venues.territoryHint')} rules={[{ required: kind === 'hall' }]}>
          <TerritoryPicker />
        </Form.Item>
        <Form.Item name="address" label={t('venues.address')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="days" label={t('venues.openDays')}>
          <Checkbox.Group options={DAYS.map((d) => ({ value: d, label: weekday(t, d) }))} />
        </Form.Item>
        <div className="mh-inline-fields">
          <Form.Item name="from" label={t('venues.openFrom')} rules={[{ required: true }]}>
            <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} />
          </Form.Item>
          <Form.Item name="to" label={t('venues.openTo')} rules={[{ required: true }]}>
            <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} />
          </Form.Item>
        </div>
        <Form.Item name="note" label={t('venues.hoursNote')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="public" label={t('venues.public')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
