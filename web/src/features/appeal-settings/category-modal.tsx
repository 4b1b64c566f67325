import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.js';
import type { AdminCategory, DeadlineClass } from '../../api/types.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { categoryName } from '../appeals/appeal-text.js';
import { pathName, possibleParents } from './category-tree.js';
import { durationText } from './deadline-class-modal.js';

export type CategoryEditing = { kind: 'create'; parentId: string | null } | { kind: 'edit'; id: string };

interface CategoryValues {
  code?: string;
  nameZh: string;
  nameEn: string;
  deadlineClass: string;
  parentId?: string;
  sort?: number;
}

const TOP = '';
const FIELDS = ['code', 'nameZh', 'nameEn', 'deadlineClass', 'parentId', 'sort'];

/**
 * Adds a category under a parent, or edits one (names, default deadline class, parent, order).
 * A failed save keeps everything typed; after a version conflict the list reloads underneath, so
 * saving again deliberately replaces the other person's change.
 */
export function CategoryModal({
  editing,
  categories,
  classes,
  onClose,
  onSaved,
  onStale,
}: {
  editing: CategoryEditing | undefined;
  categories: readonly AdminCategory[];
  classes: readonly DeadlineClass[];
  onClose: () => void;
  onSaved: () => void;
  onStale: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CategoryValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const name = (c: { nameZh: string; nameEn: string }) => categoryName(i18n.language, c);

  useEffect(() => {
    setError(undefined);
    setExtra([]);
  }, [editing]);

  const record = editing?.kind === 'edit' ? categories.find((c) => c.id === editing.id) : undefined;
  const parent = editing?.kind === 'create' && editing.parentId ? categories.find((c) => c.id === editing.parentId) : undefined;
  const replyClasses = classes.filter((c) => c.usage === 'reply');
  const initialValues: CategoryValues = record
    ? { nameZh: record.nameZh, nameEn: record.nameEn, deadlineClass: record.deadlineClass, parentId: record.parentId ?? TOP, sort: record.sort }
    : { code: parent ? `${parent.code}.` : '', nameZh: '', nameEn: '', deadlineClass: parent?.deadlineClass ?? 'general' };

  async function submit(values: CategoryValues) {
    setBusy(true);
    setError(undefined);
    setExtra([]);
    try {
      if (editing?.kind === 'create') {
        await api.post('/appeal-categories', {
          parentId: editing.parentId,
          code: values.code?.trim() ?? '',
          nameZh: values.nameZh.trim(),
          nameEn: values.nameEn.trim(),
          deadlineClass: values.deadlineClass,
        });
      } else if (record) {
        await api.patch(`/appeal-categories/${record.id}`, {
          version: record.version,
          nameZh: values.nameZh.trim(),
          nameEn: values.nameEn.trim(),
          deadlineClass: values.deadlineClass,
          parentId: values.parentId ? values.parentId : null,
          sort: values.sort ?? record.sort,
        });
      }
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

  const conflict = error instanceof ApiError && error.problem.code === 'VERSION_CONFLICT';
  const title =
    editing?.kind === 'edit'
      ? t('appealSettings.editTitle')
      : parent
        ? t('appealSettings.addChildFor', { name: name(parent) })
        : t('appealSettings.addTop');

  return (
    <Modal
      open={editing !== undefined && (editing.kind === 'create' || record !== undefined)}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {error !== undefined && <ProblemAlert error={error} extra={conflict ? [t('appealSettings.conflictKept'), ...extra] : extra} className="mh-block" />}
      <Form<CategoryValues> form={form} name="category" layout="vertical" onFinish={submit} initialValues={initialValues} preserve={false}>
        {editing?.kind === 'create' ? (
          <Form.Item name="code" label={t('appealSettings.code')} extra={t('appealSettings.codeHelp')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={64} autoComplete="off" spellCheck={false} />
          </Form.Item>
        ) : (
          record && (
            <Form.Item label={t('appealSettings.code')}>
              <code>{record.code}</code>
            </Form.Item>
          )
        )}
        <Form.Item name="nameZh" label={t('appealSettings.nameZh')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={64} lang="zh-CN" />
        </Form.Item>
        <Form.Item name="nameEn" label={t('appealSettings.nameEn')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} lang="en" />
        </Form.Item>
        <Form.Item name="deadlineClass" label={t('appealSettings.deadlineClass')} extra={t('appealSettings.deadlineClassHelp')} rules={[{ required: true }]}>
          <Select options={replyClasses.map((c) => ({ value: c.code, label: t('appealSettings.classWithDuration', { name: name(c), duration: durationText(t, c) }) }))} />
        </Form.Item>
        {record && (
          <>
            <Form.Item name="parentId" label={t('appealSettings.parent')}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={[
                  { value: TOP, label: t('appealSettings.topLevel') },
                  ...possibleParents(categories, record).map((c) => ({ value: c.id, label: pathName(categories, c.id, name) })),
                ]}
              />
            </Form.Item>
            <Form.Item name="sort" label={t('appealSettings.sort')} extra={t('appealSettings.sortHelp')}>
              <InputNumber min={0} max={100000} precision={0} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
