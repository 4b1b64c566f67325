import { App, Form, Input, InputNumber, Modal, Radio } from 'antd';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import type { DeadlineClass, DeadlineUnit } from '../../api/types.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { categoryName } from '../appeals/appeal-text.js';

/** "0.5 个工作日" / "30 分钟". */
export function durationText(t: TFunction, c: Pick<DeadlineClass, 'amount' | 'unit'>): string {
  return c.unit === 'wd' ? t('appealSettings.workingDays', { count: c.amount }) : t('appealSettings.minutes', { count: c.amount });
}

/** The server's bounds, mirrored so the form refuses what the server would. */
const BOUNDS: Record<DeadlineUnit, { min: number; max: number; step: number }> = {
  wd: { min: 0.25, max: 60, step: 0.25 },
  minutes: { min: 5, max: 1440, step: 1 },
};

interface ClassValues {
  nameZh: string;
  nameEn: string;
  unit: DeadlineUnit;
  amount: number;
  maxCount?: number;
}

const FIELDS = ['nameZh', 'nameEn', 'unit', 'amount', 'maxCount'];

/** Edits one deadline class; only deadlines computed after saving change. */
export function DeadlineClassModal({
  record,
  open,
  onClose,
  onSaved,
  onStale,
}: {
  record: DeadlineClass | undefined;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
  onStale: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ClassValues>();
  const unit = Form.useWatch('unit', form) ?? record?.unit ?? 'wd';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);

  useEffect(() => {
    setError(undefined);
    setExtra([]);
  }, [open]);

  async function submit(values: ClassValues) {
    if (!record) return;
    setBusy(true);
    setError(undefined);
    setExtra([]);
    try {
      await api.patch(`/deadline-classes/${record.code}`, {
        version: record.version,
        nameZh: values.nameZh.trim(),
        nameEn: values.nameEn.trim(),
        unit: values.unit,
        amount: values.amount,
        ...(record.maxCount !== null && values.maxCount !== undefined ? { maxCount: values.maxCount } : {}),
      });
      message.success(t('common.saved'));
      onSaved();
    } catch (err) {
      setError(err);
      setExtra(applyFieldErrors(form, err, FIELDS));
      if (err instanceof ApiError && err.problem.code === 'VERSION_CONFLICT') onStale();
    } finally {
      setBusy(false);
    }
  }

  const b = BOUNDS[unit];
  const conflict = error instanceof ApiError && error.problem.code === 'VERSION_CONFLICT';
  return (
    <Modal
      open={open && record !== undefined}
      title={record ? t('appealSettings.editClassTitle', { name: categoryName(i18n.language, record) }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <p className="mh-muted">{t('appealSettings.classesIntro')}</p>
      {error !== undefined && <ProblemAlert error={error} extra={conflict ? [t('appealSettings.conflictKept'), ...extra] : extra} className="mh-block" />}
      {record && (
        <Form<ClassValues>
          form={form}
          name="deadline-class"
          layout="vertical"
          onFinish={submit}
          preserve={false}
          initialValues={{ nameZh: record.nameZh, nameEn: record.nameEn, unit: record.unit, amount: record.amount, maxCount: record.maxCount ?? undefined }}
        >
          <Form.Item name="nameZh" label={t('appealSettings.nameZh')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={64} lang="zh-CN" />
          </Form.Item>
          <Form.Item name="nameEn" label={t('appealSettings.nameEn')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={100} lang="en" />
          </Form.Item>
          <Form.Item name="unit" label={t('appealSettings.unit')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'wd', label: t('appealSettings.units.wd') },
                { value: 'minutes', label: t('appealSettings.units.minutes') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="amount"
            label={t('appealSettings.amount')}
            extra={t('appealSettings.amountHelp', { min: b.min, max: b.max, step: b.step })}
            rules={[{ required: true }, { type: 'number', min: b.min, max: b.max }]}
          >
            <InputNumber min={b.min} max={b.max} step={b.step} />
          </Form.Item>
          {record.maxCount !== null && (
            <Form.Item name="maxCount" label={t('appealSettings.maxCount')} rules={[{ required: true }, { type: 'number', min: 0, max: 10 }]}>
              <InputNumber min={0} max={10} precision={0} />
            </Form.Item>
          )}
        </Form>
      )}
    </Modal>
  );
}
