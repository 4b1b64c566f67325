import { Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { api } from '../../api/client.js';
import type { CampaignProgressResponse } from '../../api/types.js';
import { useRequest } from '../../api/use-request.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { CampaignProgressChart, CampaignTotals } from './campaign-progress.js';
import { useLiveUpdates } from './live.js';
import './dashboard.css';

export function useCampaignProgress(id: string) {
  return useRequest((signal) => api.get<CampaignProgressResponse>(`/public/campaigns/${encodeURIComponent(id)}/progress`, undefined, signal), id);
}

/** 协商议事月进度: a campaign day by day against its targets. */
export function CampaignProgressPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const progress = useCampaignProgress(id);
  useLiveUpdates(progress.reload);
  const data = progress.data;
  usePageTitle(data ? t('dashboard.campaign.titleOf', { title: data.campaign.title }) : t('dashboard.campaign.title'));
  return (
    <div className="mh-page mh-dashboard">
      <p>
        <Link to="/dashboard">{t('dashboard.backToDashboard')}</Link>
      </p>
      {progress.error && <ProblemAlert error={progress.error} className="mh-block" />}
      {!data && !progress.error && <Skeleton active />}
      {data && (
        <>
          <h1 className="mh-page-title">{t('dashboard.campaign.titleOf', { title: data.campaign.title })}</h1>
          <p className="mh-dash-links">
            <Link to={`/reports/campaign/${id}`} data-testid="campaign-report-link">
              {t('dashboard.campaign.reportLink')}
            </Link>
            <Link to={`/dashboard?campaign=${encodeURIComponent(id)}`}>{t('dashboard.campaign.dashboardLink')}</Link>
          </p>
          <CampaignTotals data={data} />
          <CampaignProgressChart data={data} />
        </>
      )}
    </div>
  );
}
