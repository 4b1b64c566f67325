import { DownloadOutlined } from '@ant-design/icons';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { DutySlot } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { DutyList } from './duty-list.js';

/** 我的值班: a member's own duty at every venue for the next 60 days, and the iCal file. */
export function MyDutyPage() {
  const { t } = useTranslation();
  usePageTitle(t('myDuty.title'));
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const to = new Date(Date.parse(`${today}T00:00:00Z`) + 60 * 86_400_000).toISOString().slice(0, 10);
  const duty = useRequest((signal) => api.get<{ items: DutySlot[] }>('/me/duty', { from: today, to }, signal), today);
  return (
    <div className="mh-page">
      <h1 className="mh-page-title">{t('myDuty.title')}</h1>
      <p>{t('myDuty.intro')}</p>
      <p>
        <a href="/api/v1/me/duty.ics" download="my-duty.ics">
          <DownloadOutlined /> {t('myDuty.ical')}
        </a>
      </p>
      {duty.error && <ProblemAlert error={duty.error} className="mh-block" />}
      {duty.data && (duty.data.items.length === 0 ? <Empty description={t('myDuty.none')} /> : <DutyList slots={duty.data.items} show="venue" />)}
    </div>
  );
}
