import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.js';
import type { Appeal, AppealAction, AppealRating, AppealSummary, ListResponse, Unit } from '../../api/types.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { PhotoPicker, photoIdsOf, type PickedPhoto } from '../../components/photo-picker.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { UnitPicker } from '../../components/remote-select.js';
import { useRequest } from '../../api/use-request.js';
import { actionLabel } from './appeal-text.js';
import { TRACKING_NO } from './tracking-no.js';

type InputKind = 'reason' | 'text' | 'units' | 'until' | 'rating' | 'target' | 'photos';

/** Exactly the inputs each action needs (mirrors the server's transition guards). */
const INPUTS: Record<AppealAction, readonly InputKind[]> = {
  answer_directly: ['text', 'photos'],
  dispatch: ['units'],
  sign: [],
  request_return: ['reason'],
  approve_return: ['units'],
  refuse_return: ['reason'],
  start: [],
  request_extension: ['until', 'reason'],
  approve_extension: [],
  refuse_extension: ['reason'],
  remind: [],
  supervise: ['text'],
  reply: ['text', 'photos'],
  review_accept: [],
  review_send_back: ['reason'],
  rate: ['rating'],
  reopen: [],
  final_answer: ['text', 'photos'],
  close: [],
  archive: [],
  merge: ['target'],
};

const RATINGS: readonly AppealRating[] = ['satisfied', 'basically_satisfied', 'unsatisfied'];

interface ActionValues {
  reason?: string;
  text?: string;
  leadUnitId?: string | null;
  assistingUnitIds?: string[];
  until?: string;
  rating?: AppealRating;
  target?: string;
  photos?: PickedPhoto[];
}

const FIELDS: Readonly<Record<string, string>> = {
  reason: 'reason',
  text: 'text',
  leadUnitId: 'leadUnitId',
  assistingUnitIds: 'assistingUnitIds',
  until: 'until',
  rating: 'rating',
  targetAppealId: 'target',
  photoIds: 'photos',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** A Date as the local "YYYY-MM-DDTHH:mm" a datetime-local input takes. */
function localInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A day after the current reply deadline: always within the 3-working-day cap. */
function suggestedUntil(appeal: Appeal): string {
  const reply = appeal.clocks.find((c) => c.kind === 'reply' && c.dueAt)?.dueAt;
  const base = reply ? new Date(reply) : new Date();
  return localInput(new Date(base.getTime() + 24 * 3600 * 1000));
}

/** Assisting units: several, from the active units (local search). */
function AssistingUnitsSelect(props: { id?: string; value?: string[]; onChange?: (v: string[]) => void }) {
  const { t } = useTranslation();
  const units = useRequest((signal) => api.get<ListResponse<Unit>>('/units', { limit: 200 }, signal), 'units');
  return (
    <Select<string[]>
      {...props}
      mode="multiple"
      allowClear
      loading={units.loading}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={t('common.typeToSearch')}
      options={(units.data?.items ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
    />
  );
}

/** The form for one action: only its inputs, sent with the version the person saw. */
export function AppealActionModal({
  appeal,
  action,
  onClose,
  onDone,
}: {
  appeal: Appeal;
  action: AppealAction | undefined;
  onClose: () => void;
  onDone: (next: Appeal) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  useEffect(() => {
    setError(undefined);
    setExtra([]);
  }, [action]);
  if (!action) return null;
  const inputs = INPUTS[action];
  const label = actionLabel(t, action);
  const textLabel = action === 'reply' || action === 'answer_directly' || action === 'final_answer' ? t('appeals.form.replyText') : action === 'supervise' ? t('appeals.form.superviseText') : t('appeals.form.text');

  async function submit(values: ActionValues) {
    if (!action) return;
    setBusy(true);
    setError(undefined);
    setExtra([]);
    try {
      let targetAppealId: string | undefined;
      if (inputs.includes('target') && values.target) {
        const found = await api.get<ListResponse<AppealSummary>>('/appeals', { trackingNo: values.target.trim(), limit: 1 });
        targetAppealId = found.items[0]?.id;
        if (!targetAppealId) {
          form.setFields([{ name: 'target', errors: [t('appeals.form.targetNotFound')] }]);
          return;
        }
      }
      const photoIds = inputs.includes('photos') ? photoIdsOf(values.photos) : [];
      if (!photoIds) {
        form.setFields([{ name: 'photos', errors: [t('photos.stillUploading')] }]);
        return;
      }
      const next = await api.post<Appeal>(`/appeals/${appeal.id}/actions`, {
        action,
        version: appeal.version,
        ...(inputs.includes('reason') ? { reason: values.reason?.trim() } : {}),
        ...(inputs.includes('text') ? { text: values.text?.trim() } : {}),
        ...(inputs.includes('units')
          ? { leadUnitId: values.leadUnitId ?? undefined, assistingUnitIds: values.assistingUnitIds?.length ? values.assistingUnitIds : undefined }
          : {}),
        ...(inputs.includes('until') && values.until ? { until: new Date(values.until).toISOString() } : {}),
        ...(inputs.includes('rating') ? { rating: values.rating } : {}),
        ...(targetAppealId ? { targetAppealId } : {}),
        ...(photoIds.length ? { photoIds } : {}),
      });
      message.success(t('appeals.form.done', { action: label }));
      onDone(next);
    } catch (err) {
      setError(err);
      setExtra(err instanceof ApiError ? applyFieldErrors(form, err, FIELDS) : []);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={label}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('appeals.form.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {error !== undefined && <ProblemAlert error={error} extra={extra} className="mh-block" />}
      <Form<ActionValues>
        form={form}
        name={`appeal-action-${action}`}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={inputs.includes('until') ? { until: suggestedUntil(appeal) } : {}}
      >
        {inputs.length === 0 && <p>{t('appeals.form.confirm', { action: label })}</p>}
        {inputs.includes('units') && (
          <>
            <Form.Item name="leadUnitId" label={t('appeals.form.leadUnit')} rules={[{ required: true }]}>
              <UnitPicker />
            </Form.Item>
            <Form.Item name="assistingUnitIds" label={t('appeals.form.assistingUnits')}>
              <AssistingUnitsSelect />
            </Form.Item>
          </>
        )}
        {inputs.includes('until') && (
          <Form.Item name="until" label={t('appeals.form.until')} extra={t('appeals.form.untilHint')} rules={[{ required: true }]}>
            <Input type="datetime-local" />
          </Form.Item>
        )}
        {inputs.includes('rating') && (
          <Form.Item name="rating" label={t('appeals.form.rating')} rules={[{ required: true }]}>
            <Radio.Group options={RATINGS.map((r) => ({ value: r, label: t(`appeals.ratings.${r}`) }))} />
          </Form.Item>
        )}
        {inputs.includes('target') && (
          <Form.Item name="target" label={t('appeals.form.target')} rules={[{ required: true }, { pattern: TRACKING_NO, message: t('appeals.trackingFormat') }]}>
            <Input placeholder={t('appeals.searchPlaceholder')} maxLength={14} />
          </Form.Item>
        )}
        {inputs.includes('text') && (
          <Form.Item name="text" label={textLabel} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={4} maxLength={4000} showCount />
          </Form.Item>
        )}
        {inputs.includes('photos') && (
          <Form.Item name="photos" label={t('appeals.form.photos')}>
            <PhotoPicker />
          </Form.Item>
        )}
        {inputs.includes('reason') && (
          <Form.Item name="reason" label={t('appeals.form.reason')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
