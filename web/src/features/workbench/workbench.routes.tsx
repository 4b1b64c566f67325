import { App as AntApp } from 'antd';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { syncDayjsLocale } from '../../app/dayjs-locale.js';
import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../components/status-pages.js';
import { currentLanguage } from '../../i18n/index.js';
import { RequirePermission } from './require-permission.js';
import { WorkbenchHomePage } from './workbench-home.page.js';
import { WorkbenchLayout } from './workbench-layout.js';

const TerritoriesPage = lazy(() => import('../territories/territories.page.js').then((m) => ({ default: m.TerritoriesPage })));
const AccountsPage = lazy(() => import('../accounts/accounts.page.js').then((m) => ({ default: m.AccountsPage })));
const UnitsPage = lazy(() => import('../units/units.page.js').then((m) => ({ default: m.UnitsPage })));
const TokensPage = lazy(() => import('../tokens/tokens.page.js').then((m) => ({ default: m.TokensPage })));
const AuditPage = lazy(() => import('../audit/audit.page.js').then((m) => ({ default: m.AuditPage })));
const AppealsPage = lazy(() => import('../appeals/appeals.page.js').then((m) => ({ default: m.AppealsPage })));
const AppealNewPage = lazy(() => import('../appeals/appeal-new.page.js').then((m) => ({ default: m.AppealNewPage })));
const AppealDetailPage = lazy(() => import('../appeals/appeal-detail.page.js').then((m) => ({ default: m.AppealDetailPage })));
const AppealSettingsPage = lazy(() => import('../appeal-settings/appeal-settings.page.js').then((m) => ({ default: m.AppealSettingsPage })));
const VenuesPage = lazy(() => import('../venues/venues.page.js').then((m) => ({ default: m.VenuesPage })));
const VenueDetailPage = lazy(() => import('../venues/venue-detail.page.js').then((m) => ({ default: m.VenueDetailPage })));
const MyDutyPage = lazy(() => import('../venues/my-duty.page.js').then((m) => ({ default: m.MyDutyPage })));
const ConsultationsPage = lazy(() => import('../consultations/consultations.page.js').then((m) => ({ default: m.ConsultationsPage })));
const ConsultationDetailPage = lazy(() => import('../consultations/consultation-detail.page.js').then((m) => ({ default: m.ConsultationDetailPage })));
const InboxPage = lazy(() => import('../inbox/inbox.page.js').then((m) => ({ default: m.InboxPage })));
const MinutesPrintPage = lazy(() => import('../consultations/minutes-print.page.js').then((m) => ({ default: m.MinutesPrintPage })));
const CampaignsPage = lazy(() => import('../consultations/campaigns.page.js').then((m) => ({ default: m.CampaignsPage })));
const CampaignDetailPage = lazy(() => import('../consultations/campaigns.page.js').then((m) => ({ default: m.CampaignDetailPage })));
const TemplatesPage = lazy(() => import('../consultations/templates.page.js').then((m) => ({ default: m.TemplatesPage })));
const TopicsPage = lazy(() => import('../topics/topics.page.js').then((m) => ({ default: m.TopicsPage })));
const CandidatesPage = lazy(() => import('../topics/candidates.page.js').then((m) => ({ default: m.CandidatesPage })));
const TopicDetailPage = lazy(() => import('../topics/topic-detail.page.js').then((m) => ({ default: m.TopicDetailPage })));
const MyVisitsPage = lazy(() => import('../visits/my-visits.page.js').then((m) => ({ default: m.MyVisitsPage })));
const EventSuggestionsPage = lazy(() => import('../suggestions/suggestion-lists.page.js').then((m) => ({ default: m.EventSuggestionsPage })));
const UnitSuggestionsPage = lazy(() => import('../suggestions/suggestion-lists.page.js').then((m) => ({ default: m.UnitSuggestionsPage })));
const SuggestionDeskPage = lazy(() => import('../suggestions/suggestion-lists.page.js').then((m) => ({ default: m.SuggestionDeskPage })));
const MySuggestionsPage = lazy(() => import('../suggestions/suggestion-lists.page.js').then((m) => ({ default: m.MySuggestionsPage })));
const SuggestionDetailPage = lazy(() => import('../suggestions/suggestion-detail.page.js').then((m) => ({ default: m.SuggestionDetailPage })));
const ShowcaseAdminPage = lazy(() => import('../showcase/showcase-admin.page.js').then((m) => ({ default: m.ShowcaseAdminPage })));
const OnlineAdminPage = lazy(() => import('../online/online-admin.page.js').then((m) => ({ default: m.OnlineAdminPage })));
const PasswordPage = lazy(() => import('../password/password.page.js').then((m) => ({ default: m.PasswordPage })));

const BASE = '/workbench/territories';

/** Routes under /workbench, loaded only once someone opens the workbench. */
export function WorkbenchRoutes() {
  useTranslation();
  // Date pickers (workbench only) name months and weekdays in the interface language.
  syncDayjsLocale(currentLanguage());
  return (
    // message/modal hooks (App.useApp) are a workbench thing; public pages skip their code.
    <AntApp component={false}>
    <Routes>
      <Route element={<WorkbenchLayout />}>
        <Route index element={<WorkbenchHomePage />} />
        <Route path="territories" element={<TerritoriesPage base={BASE} />} />
        <Route path="territories/:code" element={<TerritoriesPage base={BASE} />} />
        <Route
          path="appeals"
          element={
            <RequirePermission permission="appeals:work">
              <AppealsPage />
            </RequirePermission>
          }
        />
        <Route
          path="appeals/new"
          element={
            <RequirePermission permission="appeals:register">
              <AppealNewPage />
            </RequirePermission>
          }
        />
        <Route
          path="appeals/:id"
          element={
            <RequirePermission permission="appeals:read">
              <AppealDetailPage />
            </RequirePermission>
          }
        />
        <Route
          path="appeal-settings"
          element={
            <RequirePermission permission="appeals:configure">
              <AppealSettingsPage />
            </RequirePermission>
          }
        />
        <Route
          path="venues"
          element={
            <RequirePermission permission="venues:read">
              <VenuesPage />
            </RequirePermission>
          }
        />
        <Route
          path="venues/:id"
          element={
            <RequirePermission permission="venues:read">
              <VenueDetailPage />
            </RequirePermission>
          }
        />
        <Route
          path="my-duty"
          element={
            <RequirePermission permission="duty:own">
              <MyDutyPage />
            </RequirePermission>
          }
        />
        <Route
          path="topics"
          element={
            <RequirePermission permission="topics:read">
              <TopicsPage />
            </RequirePermission>
          }
        />
        <Route
          path="topic-candidates"
          element={
            <RequirePermission permission="topics:cluster">
              <CandidatesPage />
            </RequirePermission>
          }
        />
        <Route
          path="topics/:id"
          element={
            <RequirePermission permission="topics:read">
              <TopicDetailPage />
            </RequirePermission>
          }
        />
        <Route
          path="my-visits"
          element={
            <RequirePermission permission="visits:record">
              <MyVisitsPage />
            </RequirePermission>
          }
        />
        <Route
          path="accounts"
          element={
            <RequirePermission permission="accounts:manage">
              <AccountsPage />
            </RequirePermission>
          }
        />
        <Route
          path="units"
          element={
            <RequirePermission permission="units:read">
              <UnitsPage />
            </RequirePermission>
          }
        />
        <Route
          path="tokens"
          element={
            <RequirePermission permission="tokens:manage">
              <TokensPage />
            </RequirePermission>
          }
        />
        <Route
          path="audit"
          element={
            <RequirePermission permission="audit:read">
              <AuditPage />
            </RequirePermission>
          }
        />
        <Route
          path="consultations"
          element={
            <RequirePermission permission="consultations:read">
              <ConsultationsPage />
            </RequirePermission>
          }
        />
        <Route
          path="consultations/:id"
          element={
            <RequirePermission permission="consultations:read">
              <ConsultationDetailPage />
            </RequirePermission>
          }
        />
        <Route
          path="inbox"
          element={
            <RequirePermission permission="inbox:read">
              <InboxPage />
            </RequirePermission>
          }
        />
        <Route
          path="consultations/:id/minutes"
          element={
            <RequirePermission permission="consultations:read">
              <MinutesPrintPage />
            </RequirePermission>
          }
        />
        <Route
          path="my-events"
          element={
            <RequirePermission permission="consultations:manage">
              <ConsultationsPage mine />
            </RequirePermission>
          }
        />
        <Route
          path="campaigns"
          element={
            <RequirePermission permission="consultations:read">
              <CampaignsPage />
            </RequirePermission>
          }
        />
        <Route
          path="campaigns/:id"
          element={
            <RequirePermission permission="consultations:read">
              <CampaignDetailPage />
            </RequirePermission>
          }
        />
        <Route
          path="procedure-templates"
          element={
            <RequirePermission permission="consultations:templates">
              <TemplatesPage />
            </RequirePermission>
          }
        />
        <Route
          path="online/:id"
          element={
            <RequirePermission permission="consultations:manage">
              <OnlineAdminPage />
            </RequirePermission>
          }
        />
        <Route path="password" element={<PasswordPage />} />
        <Route
          path="consultations/:id/suggestions"
          element={
            <RequirePermission permission="suggestions:manage">
              <EventSuggestionsPage />
            </RequirePermission>
          }
        />
        <Route
          path="suggestions/assigned"
          element={
            <RequirePermission permission="suggestions:handle">
              <UnitSuggestionsPage />
            </RequirePermission>
          }
        />
        <Route
          path="suggestions/desk"
          element={
            <RequirePermission permission="suggestions:assign">
              <SuggestionDeskPage />
            </RequirePermission>
          }
        />
        <Route
          path="suggestions/mine"
          element={
            <RequirePermission permission="suggestions:read">
              <MySuggestionsPage />
            </RequirePermission>
          }
        />
        <Route
          path="suggestions/:id"
          element={
            <RequirePermission permission="suggestions:read">
              <SuggestionDetailPage />
            </RequirePermission>
          }
        />
        <Route
          path="showcase"
          element={
            <RequirePermission permission="showcase:manage">
              <ShowcaseAdminPage />
            </RequirePermission>
          }
        />
        <Route path="*" element={<NotFoundPage home="/workbench" />} />
      </Route>
    </Routes>
    </AntApp>
  );
}
