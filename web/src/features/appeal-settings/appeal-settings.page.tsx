import { PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Popconfirm, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { AdminCategory, DeadlineClass } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { categoryName } from '../appeals/appeal-text.js';
import { CategoryModal, type CategoryEditing } from './category-modal.js';
import { buildTree, MAX_DEPTH, type CategoryNode } from './category-tree.js';
import { DeadlineClassModal, durationText } from './deadline-class-modal.js';

/** The workflow's steps in the order an appeal meets them, then the reply deadlines shortest first. */
const STEP_ORDER = ['dispatch', 'urgent', 'sign', 'return', 'extension', 'review', 'callback'];
function sortClasses(items: readonly DeadlineClass[]): DeadlineClass[] {
  const minutes = (c: DeadlineClass) => (c.unit === 'minutes' ? c.amount : c.amount * 450);
  const rank = (c: DeadlineClass) => (c.usage === 'step' ? STEP_ORDER.indexOf(c.code) : STEP_ORDER.length);
  return [...items].sort((a, b) => rank(a) - rank(b) || minutes(a) - minutes(b) || a.code.localeCompare(b.code));
}

/** 诉求类别与办理时限: the category tree and the deployment's deadline classes (appeals:configure). */
export function AppealSettingsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('appealSettings.title'));
  const { message } = App.useApp();
  const categories = useRequest((signal) => api.get<{ items: AdminCategory[] }>('/appeal-categories', undefined, signal), 'appeal-categories');
  const classes = useRequest((signal) => api.get<{ items: DeadlineClass[] }>('/deadline-classes', undefined, signal), 'deadline-classes');
  const [editing, setEditing] = useState<CategoryEditing>();
  const [editingClass, setEditingClass] = useState<string>();
  const [actionError, setActionError] = useState<unknown>();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());

  const items = categories.data?.items ?? [];
  const classList = sortClasses(classes.data?.items ?? []);
  const name = (c: { nameZh: string; nameEn: string }) => categoryName(i18n.language, c);
  const tree = buildTree(items);
  const expanded = items.filter((c) => !collapsed.has(c.id) && items.some((x) => x.parentId === c.id)).map((c) => c.id);

  async function run(action: () => Promise<unknown>) {
    setActionError(undefined);
    try {
      await action();
      message.success(t('common.saved'));
    } catch (err) {
      setActionError(err);
    } finally {
      categories.reload();
    }
  }

  const columns: TableColumnsType<CategoryNode> = [
    {
      title: t('appealSettings.name'),
      key: 'name',
      render: (_, c) => (
        <span className={c.active ? undefined : 'mh-muted'}>
          <strong>{name(c)}</strong>
          <span className="mh-muted mh-block-text" lang={i18n.language === 'en' ? 'zh-CN' : 'en'}>
            {i18n.language === 'en' ? c.nameZh : c.nameEn}
          </span>
        </span>
      ),
    },
    { title: t('appealSettings.code'), dataIndex: 'code', render: (code: string) => <code>{code}</code> },
    {
      title: t('appealSettings.deadlineClass'),
      dataIndex: 'deadlineClass',
      render: (code: string) => {
        const cls = classList.find((c) => c.code === code);
        return cls ? t('appealSettings.classWithDuration', { name: name(cls), duration: durationText(t, cls) }) : code;
      },
    },
    {
      title: t('appealSettings.status'),
      key: 'status',
      render: (_, c) => (
        <Space size={4} wrap>
          <Badge status={c.active ? 'success' : 'default'} text={c.active ? t('appealSettings.active') : t('appealSettings.inactive')} />
          {c.inUse && <Tag>{t('appealSettings.inUse')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, c) => (
        <Space size={4} wrap>
          {c.active && c.depth < MAX_DEPTH && (
            <Button size="small" onClick={() => setEditing({ kind: 'create', parentId: c.id })} aria-label={t('appealSettings.addChildFor', { name: name(c) })}>
              {t('appealSettings.addChild')}
            </Button>
          )}
          <Button size="small" onClick={() => setEditing({ kind: 'edit', id: c.id })} aria-label={t('appealSettings.editFor', { name: name(c) })}>
            {t('common.edit')}
          </Button>
          {c.active ? (
            <Popconfirm
              title={t('appealSettings.deactivateConfirm', { name: name(c) })}
              okText={t('appealSettings.deactivate')}
              cancelText={t('common.cancel')}
              onConfirm={() => run(() => api.post(`/appeal-categories/${c.id}/deactivate`, { version: c.version }))}
            >
              <Button size="small" aria-label={t('appealSettings.deactivateFor', { name: name(c) })}>
                {t('appealSettings.deactivate')}
              </Button>
            </Popconfirm>
          ) : (
            <Button
              size="small"
              onClick={() => run(() => api.post(`/appeal-categories/${c.id}/reactivate`, { version: c.version }))}
              aria-label={t('appealSettings.reactivateFor', { name: name(c) })}
            >
              {t('appealSettings.reactivate')}
            </Button>
          )}
          {!c.inUse && !c.children && (
            <Popconfirm
              title={t('appealSettings.removeConfirm', { name: name(c) })}
              okText={t('appealSettings.remove')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => run(() => api.delete(`/appeal-categories/${c.id}?version=${c.version}`))}
            >
              <Button size="small" danger aria-label={t('appealSettings.removeFor', { name: name(c) })}>
                {t('appealSettings.remove')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  const classColumns: TableColumnsType<DeadlineClass> = [
    { title: t('appealSettings.className'), key: 'name', render: (_, c) => <strong>{name(c)}</strong> },
    { title: t('appealSettings.code'), dataIndex: 'code', render: (code: string) => <code>{code}</code> },
    { title: t('appealSettings.usage'), dataIndex: 'usage', render: (u: DeadlineClass['usage']) => t(`appealSettings.usages.${u}`) },
    { title: t('appealSettings.duration'), key: 'duration', render: (_, c) => durationText(t, c) },
    {
      title: t('appealSettings.maxCount'),
      dataIndex: 'maxCount',
      render: (n: number | null) => (n === null ? '—' : t('appealSettings.maxCountValue', { count: n })),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, c) => (
        <Button size="small" onClick={() => setEditingClass(c.code)} aria-label={t('appealSettings.editClassFor', { name: name(c) })}>
          {t('common.edit')}
        </Button>
      ),
    },
  ];

  return (
    <div className="mh-page">
      <div className="mh-page-head">
        <h1 className="mh-page-title">{t('appealSettings.title')}</h1>
      </div>

      <section aria-labelledby="mh-categories-title" className="mh-block">
        <div className="mh-page-head">
          <h2 id="mh-categories-title" className="mh-section-title">
            {t('appealSettings.categoriesTitle')}
          </h2>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'create', parentId: null })}>
            {t('appealSettings.addTop')}
          </Button>
        </div>
        <p className="mh-muted">{t('appealSettings.categoriesIntro')}</p>
        {categories.error && <ProblemAlert error={categories.error} className="mh-block" />}
        {actionError !== undefined && <ProblemAlert error={actionError} className="mh-block" />}
        <Table<CategoryNode>
          rowKey="id"
          columns={columns}
          dataSource={tree}
          loading={categories.loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowKeys: expanded,
            onExpand: (open, row) =>
              setCollapsed((prev) => {
                const next = new Set(prev);
                if (open) next.delete(row.id);
                else next.add(row.id);
                return next;
              }),
          }}
        />
      </section>

      <section aria-labelledby="mh-classes-title" className="mh-block">
        <h2 id="mh-classes-title" className="mh-section-title">
          {t('appealSettings.classesTitle')}
        </h2>
        <p className="mh-muted">{t('appealSettings.classesIntro')}</p>
        {classes.error && <ProblemAlert error={classes.error} className="mh-block" />}
        <Table<DeadlineClass> rowKey="code" columns={classColumns} dataSource={classList} loading={classes.loading} pagination={false} scroll={{ x: 'max-content' }} />
      </section>

      <CategoryModal
        editing={editing}
        categories={items}
        classes={classList}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          categories.reload();
        }}
        onStale={categories.reload}
      />
      <DeadlineClassModal
        record={classList.find((c) => c.code === editingClass)}
        open={editingClass !== undefined}
        onClose={() => setEditingClass(undefined)}
        onSaved={() => {
          setEditingClass(undefined);
          classes.reload();
          categories.reload();
        }}
        onStale={classes.reload}
      />
    </div>
  );
}
