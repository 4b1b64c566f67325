import { App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Radio, Select, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { DutyFrequency, DutyRule, HolidayPolicy, VenueMember } from '../../api/types.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { weekday } from './venue-text.js';

interface RuleValues {
  accountId: string;
  freq: DutyFrequency;
  interval: number;
  weekdays: number[];
  monthDays: number[];
  startDate: Dayjs;
  endDate?: Dayjs | null;
  startTime: Dayjs;
  endTime: Dayjs;
  holidays: HolidayPolicy;
  note?: string;
}

const FIELDS = ['accountId', 'freq', 'interval', 'weekdays', 'monthDays', 'startDate', 'endDate', 'startTime', 'endTime', 'holidays', 'note'];

/** Adds a recurring duty for one of the venue's members. */
export function RuleModal({ venueId, members, open, onClose, onSaved }: { venueId: string; members: VenueMember[]; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RuleValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const freq = Form.useWatch('freq', form);
  useEffect(() => setError(undefined), [open]);

  async function submit(v: RuleValues) {
    setBusy(true);
    setError(undefined);
    try {
      await api.post<DutyRule>(`/venues/${venueId}/duty-rules`, {
        accountId: v.accountId,
        freq: v.freq,
        interval: v.interval,
        weekdays: v.freq === 'weekly' ? v.weekdays : [],
        monthDays: v.freq === 'monthly' ? v.monthDays : [],
        startDate: v.startDate.format('YYYY-MM-DD'),
        endDate: v.endDate ? v.endDate.format('YYYY-MM-DD') : null,
        startTime: v.startTime.format('HH:mm'),
        endTime: v.endTime.format('HH:mm'),
        holidays: v.holidays,
        note: v.note?.trim() || null,
      });
      message.success(t('common.saved'));
      onSaved();
    } catch (err) {
      setError(err);
      setExtra(applyFieldErrors(form, err, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const initialValues: RuleValues = {
    accountId: members[0]?.accountId ?? '',
    freq: 'weekly',
    interval: 1,
    weekdays: [3],
    monthDays: [10, 20],
    startDate: dayjs(),
    endDate: null,
    startTime: dayjs('2000-01-01T09:00'),
    endTime: dayjs('2000-01-01T11:30'),
    holidays: 'skip',
    note: '',
  };

  return (
    <Modal
      open={open}
      title={t('venues.addRuleTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {error !== undefined && <ProblemAlert error={error} extra={extra} className="mh-block" />}
      <Form<RuleValues> form={form} name="duty-rule" layout="vertical" onFinish={submit} initialValues={initialValues} preserve={false}>
        <Form.Item name="accountId" label={t('venues.member')} rules={[{ required: true }]}>
          <Select options={members.map((m) => ({ value: m.accountId, label: m.name }))} />
        </Form.Item>
        <Form.Item name="freq" label={t('venues.freq')}>
          <Radio.Group options={(['weekly', 'monthly', 'daily'] as const).map((f) => ({ value: f, label: t(`venues.freqs.${f}`) }))} />
        </Form.Item>
        <Form.Item name="interval" label={t('venues.interval')}>
          <InputNumber min={1} max={52} />
        </Form.Item>
        {freq === 'weekly' && (
          <Form.Item name="weekdays" label={t('venues.weekdays')} rules={[{ required: true }]}>
            <Checkbox.Group options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: weekday(t, d) }))} />
          </Form.Item>
        )}
        {freq === 'monthly' && (
          <Form.Item name="monthDays" label={t('venues.monthDays')} rules={[{ required: true }]}>
            <Select mode="multiple" options={[...Array.from({ length: 31 }, (_, i) => ({ value: i + 1, label: String(i + 1) })), { value: -1, label: t('venues.lastDay') }]} />
          </Form.Item>
        )}
        <div className="mh-inline-fields">
          <Form.Item name="startDate" label={t('venues.startDate')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="endDate" label={t('venues.endDate')}>
            <DatePicker />
          </Form.Item>
        </div>
        <div className="mh-inline-fields">
          <Form.Item name="startTime" label={t('venues.startTime')} rules={[{ required: true }]}>
            <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} />
          </Form.Item>
          <Form.Item name="endTime" label={t('venues.endTime')} rules={[{ required: true }]}>
            <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} />
          </Form.Item>
        </div>
        <Form.Item name="holidays" label={t('venues.holidays')}>
          <Radio.Group options={(['skip', 'flag'] as const).map((h) => ({ value: h, label: t(`venues.holidayPolicies.${h}`) }))} />
        </Form.Item>
        <Form.Item name="note" label={t('venues.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
