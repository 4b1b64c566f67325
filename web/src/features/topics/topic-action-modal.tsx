import { App, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { Topic, TopicAction } from '../../api/types.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { ConflictAlert, isConflict } from './conflict-alert.js';

/** Sending back and rejecting need comments or a reason (the server's workflow says so too). */
const NEEDS_COMMENT: readonly TopicAction[] = ['return', 'reject'];

/** Confirms one review step, with comments where the step takes them; sent with the version the person saw. */
export function TopicActionModal({
  topic,
  action,
  onClose,
  onDone,
  onReload,
}: {
  topic: Topic;
  action: TopicAction | undefined;
  onClose: () => void;
  onDone: (next: Topic) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ comment?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  useEffect(() => {
    setError(undefined);
    setExtra([]);
  }, [action]);
  if (!action) return null;
  const needsComment = NEEDS_COMMENT.includes(action);
  const takesComment = needsComment || action === 'approve';
  const label = t(`topics.actions.${action}`);

  async function submit(values: { comment?: string }) {
    if (!action) return;
    setBusy(true);
    setError(undefined);
    setExtra([]);
    try {
      const comment = values.comment?.trim();
      const next = await api.post<Topic>(`/topics/${topic.id}/actions`, { action, version: topic.version, ...(comment ? { comment } : {}) });
      message.success(t('topics.detail.done', { action: label }));
      onDone(next);
    } catch (err) {
      setError(err);
      setExtra(applyFieldErrors(form, err, ['comment']));
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
      okText={label}
      okButtonProps={{ danger: action === 'reject' }}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {isConflict(error) ? (
        <ConflictAlert
          onReload={() => {
            onClose();
            onReload();
          }}
        />
      ) : (
        error !== undefined && <ProblemAlert error={error} extra={extra} className="mh-block" />
      )}
      <p>{t(`topics.confirm.${action}`, { title: topic.title })}</p>
      <Form form={form} name={`topic-action-${action}`} layout="vertical" onFinish={submit} preserve={false}>
        {takesComment && (
          <Form.Item
            name="comment"
            label={needsComment ? (action === 'reject' ? t('topics.detail.reason') : t('topics.detail.comments')) : t('topics.detail.commentOptional')}
            rules={needsComment ? [{ required: true, whitespace: true, message: t('topics.detail.commentRequired') }] : []}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
