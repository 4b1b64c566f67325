import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { onPasswordChangeRequired } from '../../api/client.js';
import { Brand } from '../../components/brand.js';
import { ElderModeSwitch } from '../../components/elder-mode-switch.js';
import { LanguageSwitch } from '../../components/language-switch.js';
import { PageLoading } from '../../components/page-loading.js';
import { useFocusMainOnNavigate } from '../../components/use-focus-main-on-navigate.js';
import { useIsMobile } from '../../components/use-is-mobile.js';
import { useSession } from '../../session/session.js';
import { NAV_ITEMS } from './nav-items.js';

function WorkbenchNav() {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <nav aria-label={t('nav.workbenchMenu')} className="mh-nav mh-nav-vertical mh-side-nav">
      <ul>
        {NAV_ITEMS.filter((item) => !item.permission || can(item.permission)).map((item) => (
          <li key={item.key}>
            <NavLink to={item.path} end={item.key === 'home'}>
              <span className="mh-nav-icon" aria-hidden="true">
                {item.icon}
              </span>
              {t(`nav.items.${item.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * Frame of the signed-in pages: sends anonymous visitors to sign-in, people with an initial
 * password to the password page, and shows only the sections the session permits.
 */
export function WorkbenchLayout() {
  const { t } = useTranslation();
  const { session, signOut } = useSession();
  const mobile = useIsMobile();
  const location = useLocation();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const [leaving, setLeaving] = useState(false);
  useEffect(() => setMenuOpen(false), [location.pathname]);
  useFocusMainOnNavigate();
  useEffect(() => onPasswordChangeRequired(() => navigate('/workbench/password')), [navigate]);

  if (session === undefined) return <PageLoading />;
  if (session === null) {
    // After an expired session, come back here once signed in again; after signing out, don't.
    const next = location.pathname + location.search;
    return <Navigate to={leaving ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (session.account.mustChangePassword && location.pathname !== '/workbench/password') {
    return <Navigate to="/workbench/password" replace />;
  }

  async function leave() {
    setLeaving(true);
    await signOut().catch(() => undefined);
  }

  const user = (
    <span className="mh-user">
      <UserOutlined aria-hidden="true" />
      <span>{session.account.displayName}</span>
    </span>
  );
  const signOutButton = (
    <Button icon={<LogoutOutlined />} onClick={leave}>
      {t('nav.signOut')}
    </Button>
  );

  return (
    <Layout className="mh-shell">
      <a href="#main" className="mh-skip-link">
        {t('nav.skipToContent')}
      </a>
      <Layout.Header className="mh-header">
        {mobile && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label={t('nav.openMenu')}
            aria-expanded={menuOpen}
            aria-controls="mh-workbench-menu"
            onClick={() => setMenuOpen(true)}
          />
        )}
        <Brand to="/workbench" />
        <div className="mh-header-spacer" />
        {!mobile && user}
        <div className="mh-header-tools">
          <LanguageSwitch />
          <ElderModeSwitch />
        </div>
        {!mobile && signOutButton}
      </Layout.Header>
      {mobile && (
        <Drawer
          id="mh-workbench-menu"
          title={t('nav.menu')}
          placement="left"
          size={280}
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
          footer={
            <div className="mh-drawer-footer">
              {user}
              {signOutButton}
            </div>
          }
        >
          <WorkbenchNav />
        </Drawer>
      )}
      <Layout hasSider={!mobile}>
        {!mobile && (
          <Layout.Sider width={220} theme="light" className="mh-sider">
            <WorkbenchNav />
          </Layout.Sider>
        )}
        <Layout.Content id="main" tabIndex={-1} className="mh-workbench-main">
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
