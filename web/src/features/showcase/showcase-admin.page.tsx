import { App, Button, Card, Checkbox, Empty, Form, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { ShowcaseCandidates, ShowcaseKind, ShowcasePhotoChoice, ShowcaseStaffItem } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { applyFieldErrors } from '../../components/form-errors.js';
import { formatDateTime } from '../../components/format.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';

interface Choice {
  kind: ShowcaseKind;
  refId: string;
  /** What staff read while writing the public text (not published as is). */
  source: string;
  photos: ShowcasePhotoChoice[];
}
interface PublishForm {
  title: string;
  summary: string;
  photoIds: string[];
}
const FIELDS = ['title', 'summary', 'photoIds'] as const;

function PublishDialog({ choice, onClose, onDone }: { choice: Choice; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PublishForm>();
  const [error, setError] = useState<unknown>();
  const [extra, setExtra] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const submit = async (values: PublishForm) => {
    setSaving(true);
    setError(undefined);
    try {
      await api.post('/showcase/items', { kind: choice.kind, refId: choice.refId, title: values.title, summary: values.summary, photoIds: values.photoIds ?? [] });
      message.success(t('showcase.workbench.saved'));
      onDone();
    } catch (err) {
      setExtra(applyFieldErrors(form, err, FIELDS));
      setError(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={t('showcase.workbench.publishTitle')} onCancel={onClose} okText={t('showcase.workbench.publish')} okButtonProps={{ loading: saving }} onOk={() => form.submit()} destroyOnHidden>
      <p className="mh-muted mh-pre-wrap">{choice.source}</p>
      {error !== undefined && <ProblemAlert error={error} extra={extra} className="mh-block" />}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ photoIds: [] }}>
        <Form.Item name="title" label={t('showcase.workbench.itemTitle')} rules={[{ required: true, min: 2, max: 60 }]}>
          <Input maxLength={60} showCount />
        </Form.Item>
        <Form.Item name="summary" label={t('showcase.workbench.itemSummary')} rules={[{ required: true, min: 10, max: 600 }]}>
          <Input.TextArea maxLength={600} showCount autoSize={{ minRows: 4, maxRows: 10 }} />
        </Form.Item>
        <Form.Item name="photoIds" label={t('showcase.workbench.photos')}>
          {choice.photos.length === 0 ? (
            <span className="mh-muted">{t('showcase.workbench.noPhotos')}</span>
          ) : (
            <Checkbox.Group>
              <Space wrap>
                {choice.photos.map((p, n) => (
                  <Checkbox key={p.id} value={p.id}>
                    <img src={p.url} alt={t('showcase.photoAlt', { title: choice.source.slice(0, 20), n: n + 1 })} width={96} height={72} style={{ objectFit: 'cover' }} />
                  </Checkbox>
                ))}
              </Space>
            </Checkbox.Group>
          )}
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 成果展示 in the workbench: publish implemented suggestions and well-rated appeals; take items down. */
export function ShowcaseAdminPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  usePageTitle(t('showcase.workbench.title'));
  const [nonce, setNonce] = useState(0);
  const candidates = useRequest((signal) => api.get<ShowcaseCandidates>('/showcase/candidates', undefined, signal), `c${nonce}`);
  const items = useRequest((signal) => api.get<{ total: number; items: ShowcaseStaffItem[] }>('/showcase/items', { pageSize: 100 }, signal), `i${nonce}`);
  const [choice, setChoice] = useState<Choice>();
  const reload = () => setNonce((n) => n + 1);
  const unpublish = async (item: ShowcaseStaffItem) => {
    try {
      await api.post(`/showcase/items/${item.id}/unpublish`, { version: item.version });
      message.success(t('showcase.workbench.removed'));
      reload();
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  };
  const c = candidates.data;
  return (
    <div className="mh-page">
      <h1 className="mh-page-title">{t('showcase.workbench.title')}</h1>
      <p>{t('showcase.workbench.intro')}</p>
      {candidates.error && <ProblemAlert error={candidates.error} className="mh-block" />}
      <h2>{t('showcase.workbench.candidates')}</h2>
      {c && c.suggestions.length + c.appeals.length === 0 && <Empty description={t('showcase.workbench.noCandidates')} />}
      {c && c.suggestions.length > 0 && (
        <section aria-labelledby="mh-cand-suggestions">
          <h3 id="mh-cand-suggestions">{t('showcase.workbench.suggestions')}</h3>
          <ul className="mh-search-results">
            {c.suggestions.map((s) => (
              <li key={s.refId}>
                <Card size="small" data-testid="showcase-candidate">
                  <p>{s.text}</p>
                  <p className="mh-muted">
                    {t('showcase.workbench.event', { title: s.eventTitle })}
                    {s.townName ? ` · ${s.townName}` : ''} · {t('showcase.workbench.progress', { progress: s.progress })}
                  </p>
                  <Button type="primary" onClick={() => setChoice({ kind: 'consultation', refId: s.refId, source: `${s.eventTitle}\n${s.text}`, photos: s.photos })}>
                    {t('showcase.workbench.publish')}
                  </Button>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      )}
      {c && c.appeals.length > 0 && (
        <section aria-labelledby="mh-cand-appeals">
          <h3 id="mh-cand-appeals">{t('showcase.workbench.appeals')}</h3>
          <ul className="mh-search-results">
            {c.appeals.map((a) => (
              <li key={a.refId}>
                <Card size="small" data-testid="showcase-candidate">
                  <p>
                    <Tag>{a.category}</Tag>
                    {a.trackingNo}
                    {a.townName ? ` · ${a.townName}` : ''} · {formatDateTime(a.closedAt)}
                  </p>
                  <p className="mh-muted">{a.description}</p>
                  <Button type="primary" onClick={() => setChoice({ kind: 'appeal', refId: a.refId, source: `${a.category}\n${a.description}`, photos: a.photos })}>
                    {t('showcase.workbench.publish')}
                  </Button>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2>{t('showcase.workbench.published')}</h2>
      {items.error && <ProblemAlert error={items.error} className="mh-block" />}
      {items.data && items.data.items.length === 0 && <p className="mh-muted">{t('showcase.workbench.empty')}</p>}
      {items.data && items.data.items.length > 0 && (
      <Table<ShowcaseStaffItem>
        rowKey="id"
        size="small"
        dataSource={items.data.items}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: t('showcase.workbench.itemTitle'), dataIndex: 'title', render: (v: string, r) => (r.published ? <Link to={`/showcase/${r.id}`}>{v}</Link> : v) },
          { title: t('showcase.filterTown'), dataIndex: 'townName', render: (v: string | null) => v ?? '—' },
          { title: t('showcase.kinds.consultation'), dataIndex: 'kind', render: (k: ShowcaseKind) => t(`showcase.kinds.${k}`) },
          { title: t('showcase.workbench.state'), key: 'state', render: (_: unknown, r) => (r.published ? <Tag color="green" style={{ color: '#135200' }}>{t('showcase.workbench.statePublished')}</Tag> : <Tag>{t('showcase.workbench.stateUnpublished')}</Tag>) },
          { title: t('showcase.published', { date: '' }), dataIndex: 'publishedAt', render: (v: string) => formatDateTime(v) },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, r) =>
              r.published && (
                <Popconfirm title={t('showcase.workbench.unpublishConfirm', { title: r.title })} onConfirm={() => unpublish(r)}>
                  <Button size="small" danger>
                    {t('showcase.workbench.unpublish')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      )}
      {choice && (
        <PublishDialog
          choice={choice}
          onClose={() => setChoice(undefined)}
          onDone={() => {
            setChoice(undefined);
            reload();
          }}
        />
      )}
    </div>
  );
}
