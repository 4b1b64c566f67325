import { PlusOutlined } from '@ant-design/icons';
import { App, Badge, Button, Form, Input, Modal, Select, Switch, Table, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { ListResponse, Unit, UnitKind } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { TerritoryPicker } from '../../components/remote-select.js';
import { TerritoryName } from '../../components/territory-name.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../../session/session.js';
import { pageControls } from '../../components/page-controls.js';

const PAGE_SIZE = 20;
const KINDS: readonly UnitKind[] = ['government', 'non_government'];

interface Filters {
  q?: string;
  kind?: UnitKind;
}

interface UnitValues {
  name: string;
  kind: UnitKind;
  territoryCode?: string | null;
  phone?: string;
  address?: string;
  active?: boolean;
}

const FIELDS = ['name', 'kind', 'territoryCode', 'phone', 'address', 'active'];

/** Responsible units (承办单位): everyone with units:read sees them; units:manage edits. */
export function UnitsPage() {
  const { t } = useTranslation();
  usePageTitle(t('units.title'));
  const { can } = useSession();
  const canManage = can('units:manage');
  const [filterForm] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Unit | 'new'>();

  const list = useRequest(
    (signal) => api.get<ListResponse<Unit>>('/units', { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    JSON.stringify([filters, page]),
  );

  const columns: TableColumnsType<Unit> = [
    { title: t('units.name'), dataIndex: 'name', render: (name: string) => <strong>{name}</strong> },
    { title: t('units.kind'), dataIndex: 'kind', render: (kind: UnitKind) => t(`units.kinds.${kind}`) },
    { title: t('units.territoryCode'), dataIndex: 'territoryCode', render: (v: string | null) => (v ? <TerritoryName code={v} /> : '—') },
    { title: t('units.phone'), dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
    { title: t('units.address'), dataIndex: 'address', render: (v: string | null) => v ?? '—' },
    {
      title: t('units.active'),
      dataIndex: 'active',
      render: (active: boolean) => <Badge status={active ? 'success' : 'default'} text={active ? t('units.activeYes') : t('units.activeNo')} />,
    },
    ...(canManage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, unit: Unit) => (
              <Button size="small" onClick={() => setEditing(unit)} aria-label={t('units.editFor', { name: unit.name })}>
                {t('common.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="mh-page">
      <div className="mh-page-head">
        <h1 className="mh-page-title">{t('units.title')}</h1>
        {canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('units.create')}
          </Button>
        )}
      </div>
      <Form<Filters>
        form={filterForm}
        name="unit-filters"
        layout="inline"
        className="mh-filters"
        onFinish={(v) => {
          setFilters({ q: v.q?.trim() || undefined, kind: v.kind });
          setPage(1);
        }}
      >
        <Form.Item name="q" label={t('common.keyword')}>
          <Input placeholder={t('units.searchPlaceholder')} maxLength={50} allowClear />
        </Form.Item>
        <Form.Item name="kind" label={t('units.kind')}>
          <Select<UnitKind>
            allowClear
            className="mh-filter-select"
            placeholder={t('common.all')}
            options={KINDS.map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))}
            onChange={() => filterForm.submit()}
          />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit">{t('common.search')}</Button>
        </Form.Item>
      </Form>
      {list.error && <ProblemAlert error={list.error} className="mh-block" />}
      <Table<Unit>
        rowKey="id"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        scroll={{ x: 'max-content' }}
        pagination={pageControls(t, page, PAGE_SIZE, list.data?.page.total, setPage)}
      />
      <UnitModal
        unit={editing}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          list.reload();
        }}
      />
    </div>
  );
}

function UnitModal({ unit, onClose, onSaved }: { unit: Unit | 'new' | undefined; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<UnitValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const isNew = unit === 'new';

  useEffect(() => setError(undefined), [unit]);
  const initialValues: UnitValues =
    unit && unit !== 'new'
      ? { ...unit, phone: unit.phone ?? '', address: unit.address ?? '' }
      : { name: '', kind: 'government', territoryCode: null, phone: '', address: '' };

  async function submit(values: UnitValues) {
    setBusy(true);
    setError(undefined);
    const body = {
      name: values.name.trim(),
      kind: values.kind,
      territoryCode: values.territoryCode || null,
      phone: values.phone?.trim() || null,
      address: values.address?.trim() || null,
    };
    try {
      if (unit === 'new') await api.post<Unit>('/units', body);
      else if (unit) await api.patch<Unit>(`/units/${unit.id}`, { ...body, version: unit.version, active: values.active });
      message.success(t('common.saved'));
      onSaved();
    } catch (err) {
      setError(err);
      setExtra(applyFieldErrors(form, err, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={unit !== undefined}
      title={isNew ? t('units.createTitle') : t('units.editTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {error !== undefined && <ProblemAlert error={error} extra={extra} className="mh-block" />}
      <Form<UnitValues> form={form} name="unit" layout="vertical" onFinish={submit} initialValues={initialValues} preserve={false}>
        <Form.Item name="name" label={t('units.name')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="kind" label={t('units.kind')} rules={[{ required: true }]}>
          <Select<UnitKind> options={KINDS.map((k) => ({ value: k, label: t(`units.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="territoryCode" label={t('units.territoryOptional')}>
          <TerritoryPicker />
        </Form.Item>
        <Form.Item name="phone" label={t('units.phoneOptional')}>
          <Input type="tel" maxLength={20} />
        </Form.Item>
        <Form.Item name="address" label={t('units.addressOptional')}>
          <Input maxLength={200} />
        </Form.Item>
        {!isNew && (
          <Form.Item name="active" label={t('units.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
