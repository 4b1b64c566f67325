import { Card, Collapse, Spin, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { OpenDataCatalogue } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { formatDateTime } from '../../components/format.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';

/** 开放数据: the catalogue with each dataset's fields, licence and download links. */
export function OpenDataPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('openData.title'));
  const catalogue = useRequest((signal) => api.get<OpenDataCatalogue>('/open-data', undefined, signal), 'catalogue');
  const pick = (s: { zh: string; en: string }) => (i18n.language === 'en' ? s.en : s.zh);
  return (
    <div className="mh-page">
      <h1 className="mh-page-title">{t('openData.title')}</h1>
      <p>{t('openData.intro')}</p>
      {catalogue.error && <ProblemAlert error={catalogue.error} />}
      {!catalogue.data && !catalogue.error && <Spin />}
      {catalogue.data && (
        <>
          <p>
            {t('openData.licence')}
            <a href={catalogue.data.licence.url} rel="license noreferrer" target="_blank">
              {catalogue.data.licence.name}
            </a>
          </p>
          <ul className="mh-open-data">
            {catalogue.data.datasets.map((d) => (
              <li key={d.id}>
                <Card size="small" data-testid="dataset" data-dataset={d.id}>
                  <h2 className="mh-card-title">{pick(d.title)}</h2>
                  <p>{pick(d.description)}</p>
                  <p className="mh-muted">
                    {t('openData.rows', { count: d.rowCount })}
                    {d.updatedAt ? ` · ${t('openData.updated', { date: formatDateTime(d.updatedAt) })}` : ''}
                  </p>
                  <p>
                    <a href={d.downloads.csv} download>
                      {t('openData.downloadCsv', { title: pick(d.title) })}
                    </a>
                    {' · '}
                    <a href={d.downloads.json} download>
                      {t('openData.downloadJson', { title: pick(d.title) })}
                    </a>
                  </p>
                  <Collapse
                    size="small"
                    items={[
                      {
                        key: 'fields',
                        label: t('openData.fields'),
                        children: (
                          <Table
                            size="small"
                            pagination={false}
                            rowKey="name"
                            dataSource={d.fields}
                            scroll={{ x: true }}
                            columns={[
                              { title: t('openData.field'), dataIndex: 'name', render: (v: string) => <code>{v}</code> },
                              { title: t('openData.type'), dataIndex: 'type' },
                              { title: t('openData.description'), key: 'd', render: (_: unknown, f) => pick(f.description) },
                            ]}
                          />
                        ),
                      },
                    ]}
                  />
                </Card>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
