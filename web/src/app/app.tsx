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
                  <Route path="suggestions/:id" element={<PublicSuggestionPage />} />
                  <Route path="consultations/:id/results" element={<PublicEventResultsPage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
        </SessionProvider>
    </ConfigProvider>
  );
}
