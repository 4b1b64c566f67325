import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { AuditEvent, AuditVerification, ListResponse } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { pageControls } from '../../components/page-controls.js';

const PAGE_SIZE = 50;

interface Filters {
  resourceType?: string;
  resourceId?: string;
  actorId?: string;
  action?: string;
}

/** Recorded changes are data, shown as preformatted text and never interpreted. */
function Snapshot({ label, value }: { label: string; value: unknown }) {
  const { t } = useTranslation();
  return (
    <div className="mh-snapshot">
      <h3 className="mh-subsection-title">{label}</h3>
      {value === null || value === undefined ? (
        <p className="mh-muted">{t('audit.none')}</p>
      ) : (
        <pre tabIndex={0}>{JSON.stringify(value, null, 2)}</pre>
      )}
    </div>
  );
}

/** The audit trail: every recorded change, filterable, with a hash-chain check. */
export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.title'));
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [verifying, setVerifying] = useState(false);
  const [verification, setVerification] = useState<AuditVerification>();
  const [verifyError, setVerifyError] = useState<unknown>();

  const list = useRequest(
    (signal) => api.get<ListResponse<AuditEvent>>('/audit', { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }, signal),
    JSON.stringify([filters, page]),
  );

  async function verify() {
    setVerifying(true);
    setVerifyError(undefined);
    setVerification(undefined);
    try {
      setVerification(await api.get<AuditVerification>('/audit/verify'));
    } catch (err) {
      setVerifyError(err);
    } finally {
      setVerifying(false);
    }
  }

  function apply(values: Filters) {
    const clean = Object.fromEntries(
      Object.entries(values).map(([k, v]) => [k, typeof v === 'string' && v.trim() ? v.trim() : undefined]),
    ) as Filters;
    setFilters(clean);
    setPage(1);
  }

  const columns: TableColumnsType<AuditEvent> = [
    { title: t('audit.seq'), dataIndex: 'seq', render: (v: number) => <code>{v}</code> },
    { title: t('audit.occurredAt'), dataIndex: 'occurredAt', render: (v: string) => formatDateTime(v) },
    { title: t('audit.actor'), dataIndex: 'actorLabel' },
    { title: t('audit.action'), dataIndex: 'action', render: (v: string) => <code>{v}</code> },
    {
      title: t('audit.resource'),
      key: 'resource',
      render: (_, e) => (
        <span>
          {e.resourceType} {e.resourceId && <code className="mh-break">{e.resourceId}</code>}
        </span>
      ),
    },
    { title: t('audit.requestId'), dataIndex: 'requestId', render: (v: string | null) => (v ? <code className="mh-break">{v}</code> : '—') },
  ];

  return (
    <div className="mh-page">
      <div className="mh-page-head">
        <h1 className="mh-page-title">{t('audit.title')}</h1>
        <Button icon={<SafetyCertificateOutlined />} onClick={verify} loading={verifying}>
          {t('audit.verify')}
        </Button>
      </div>
      <div aria-live="polite">
        {verification &&
          (verification.ok ? (
            <Alert
              className="mh-block"
              type="success"
              showIcon
              title={t('audit.chainOk')}
              description={t('audit.chainOkDetail', { checked: verification.checked, lastSeq: verification.lastSeq })}
            />
          ) : (
            <Alert
              className="mh-block"
              type="error"
              showIcon
              title={t('audit.chainBroken')}
              description={
                verification.broken
                  ? t('audit.chainBrokenDetail', {
                      seq: verification.broken.seq,
                      reason: t(`audit.reasons.${verification.broken.reason}`),
                    })
                  : t('audit.chainOkDetail', { checked: verification.checked, lastSeq: verification.lastSeq })
              }
            />
          ))}
      </div>
      {verifyError !== undefined && <ProblemAlert error={verifyError} className="mh-block" />}

      <Form<Filters> form={form} name="audit-filters" layout="inline" className="mh-filters" onFinish={apply}>
        <Form.Item name="resourceType" label={t('audit.resourceType')}>
          <Input maxLength={64} allowClear />
        </Form.Item>
        <Form.Item name="resourceId" label={t('audit.resourceId')}>
          <Input maxLength={64} allowClear />
        </Form.Item>
        <Form.Item name="actorId" label={t('audit.actorId')}>
          <Input maxLength={64} allowClear />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <Input maxLength={64} allowClear />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit">{t('common.search')}</Button>
        </Form.Item>
      </Form>

      {list.error && <ProblemAlert error={list.error} className="mh-block" />}
      <Table<AuditEvent>
        rowKey="seq"
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowRender: (e) => (
            <div className="mh-snapshots">
              <Snapshot label={t('audit.before')} value={e.before} />
              <Snapshot label={t('audit.after')} value={e.after} />
              {e.ip && (
                <p className="mh-muted">
                  {t('audit.ip')}: <code>{e.ip}</code>
                </p>
              )}
            </div>
          ),
        }}
        pagination={pageControls(t, page, PAGE_SIZE, list.data?.page.total, setPage)}
      />
    </div>
  );
}
