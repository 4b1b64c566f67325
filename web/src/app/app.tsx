import { ConfigProvider } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { PageLoading } from '../components/page-loading.js';
import { SessionProvider } from '../session/session.js';
import { currentLanguage } from '../i18n/index.js';
import { antdLocale, loadAntdLocale } from './antd-locales.js';
import { useElderMode } from './elder-mode.js';
import { PublicLayout } from './public-layout.js';
import { elderTheme, theme } from './theme.js';

// Each page is its own chunk: residents opening the public pages never download admin code.
const HomePage = lazy(() => import('../features/home/home.page.js').then((m) => ({ default: m.HomePage })));
const LoginPage = lazy(() => import('../features/login/login.page.js').then((m) => ({ default: m.LoginPage })));
const TerritoriesPage = lazy(() =>
  import('../features/territories/territories.page.js').then((m) => ({ default: m.TerritoriesPage })),
);
const ReportPage = lazy(() => import('../features/report/report.page.js').then((m) => ({ default: m.ReportPage })));
const StatusPage = lazy(() => import('../features/status/status.page.js').then((m) => ({ default: m.StatusPage })));
const PublicVenuesPage = lazy(() => import('../features/public-venues/public-venues.page.js').then((m) => ({ default: m.PublicVenuesPage })));
const PublicVenuePage = lazy(() => import('../features/public-venues/public-venue.page.js').then((m) => ({ default: m.PublicVenuePage })));
const PublicConsultationPage = lazy(() => import('../features/public-consultations/public-consultation.page.js').then((m) => ({ default: m.PublicConsultationPage })));
const SignInPage = lazy(() => import('../features/public-consultations/sign-in.page.js').then((m) => ({ default: m.SignInPage })));
const PublicSuggestionPage = lazy(() => import('../features/public-suggestions/public-suggestion.page.js').then((m) => ({ default: m.PublicSuggestionPage })));
const PublicEventResultsPage = lazy(() => import('../features/public-suggestions/public-suggestion.page.js').then((m) => ({ default: m.PublicEventResultsPage })));
const DashboardPage = lazy(() => import('../features/dashboard/dashboard.page.js').then((m) => ({ default: m.DashboardPage })));
const DashboardRecordsPage = lazy(() => import('../features/dashboard/records.page.js').then((m) => ({ default: m.DashboardRecordsPage })));
const CoveragePage = lazy(() => import('../features/dashboard/coverage.page.js').then((m) => ({ default: m.CoveragePage })));
const CampaignProgressPage = lazy(() => import('../features/dashboard/campaign-progress.page.js').then((m) => ({ default: m.CampaignProgressPage })));
const TownReportPage = lazy(() => import('../features/dashboard/report.page.js').then((m) => ({ default: m.TownReportPage })));
const CampaignReportPage = lazy(() => import('../features/dashboard/report.page.js').then((m) => ({ default: m.CampaignReportPage })));
const ShowcasePage = lazy(() => import('../features/showcase/showcase.page.js').then((m) => ({ default: m.ShowcasePage })));
const ShowcaseDetailPage = lazy(() => import('../features/showcase/showcase-detail.page.js').then((m) => ({ default: m.ShowcaseDetailPage })));
const SearchPage = lazy(() => import('../features/search/search.page.js').then((m) => ({ default: m.SearchPage })));
const OpenDataPage = lazy(() => import('../features/open-data/open-data.page.js').then((m) => ({ default: m.OpenDataPage })));
const OnlineParticipantPage = lazy(() => import('../features/online/online-participant.page.js').then((m) => ({ default: m.OnlineParticipantPage })));
const NotFoundPage = lazy(() => import('../components/status-pages.js').then((m) => ({ default: m.NotFoundPage })));
const WorkbenchRoutes = lazy(() => import('../features/workbench/workbench.routes.js').then((m) => ({ default: m.WorkbenchRoutes })));

/** The whole app: language-aware Ant Design theme, session, and the page routes. */
export function App() {
  useTranslation();
  const lng = currentLanguage();
  const elder = useElderMode();
  // antd's own texts (pagination, empty lists…) for zh-TW and English load with the language.
  const [, setLocaleLoaded] = useState(0);
  useEffect(() => {
    let live = true;
    void loadAntdLocale(lng).then(() => live && setLocaleLoaded((n) => n + 1));
    return () => {
      live = false;
    };
  }, [lng]);
  return (
    <ConfigProvider locale={antdLocale(lng)} theme={elder ? elderTheme : theme} button={{ autoInsertSpace: false }}>
        <SessionProvider>
          <BrowserRouter>
            <Suspense fallback={<PageLoading />}>
              <Routes>
                <Route path="/workbench/*" element={<WorkbenchRoutes />} />
                <Route element={<PublicLayout />}>
                  <Route index element={<HomePage />} />
                  <Route path="login" element={<LoginPage />} />
                  <Route path="territories" element={<TerritoriesPage base="/territories" />} />
                  <Route path="territories/:code" element={<TerritoriesPage base="/territories" />} />
                  <Route path="report" element={<ReportPage />} />
                  <Route path="venues" element={<PublicVenuesPage />} />
                  <Route path="venues/:id" element={<PublicVenuePage />} />
                  <Route path="status" element={<StatusPage />} />
                  <Route path="events/:id" element={<PublicConsultationPage />} />
                  <Route path="sign-in/:id" element={<SignInPage />} />
                  <Route path="online/:id" element={<OnlineParticipantPage />} />
                  <Route path="suggestions/:id" element={<PublicSuggestionPage />} />
                  <Route path="consultations/:id/results" element={<PublicEventResultsPage />} />
                  <Route path="dashboard" element={<DashboardPage />} />
                  <Route path="dashboard/records" element={<DashboardRecordsPage />} />
                  <Route path="coverage" element={<CoveragePage />} />
                  <Route path="campaigns/:id/progress" element={<CampaignProgressPage />} />
                  <Route path="reports/town/:code" element={<TownReportPage />} />
                  <Route path="reports/campaign/:id" element={<CampaignReportPage />} />
                  <Route path="showcase" element={<ShowcasePage />} />
                  <Route path="showcase/:id" element={<ShowcaseDetailPage />} />
                  <Route path="search" element={<SearchPage />} />
                  <Route path="open-data" element={<OpenDataPage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
        </SessionProvider>
    </ConfigProvider>
  );
}
