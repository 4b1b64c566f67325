import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Layout } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { Brand } from '../components/brand.js';
import { ElderModeSwitch } from '../components/elder-mode-switch.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { PageLoading } from '../components/page-loading.js';
import { useFocusMainOnNavigate } from '../components/use-focus-main-on-navigate.js';
import { useIsMobile } from '../components/use-is-mobile.js';
import { useSession } from '../session/session.js';

function PublicNav({ vertical }: { vertical?: boolean }) {
  const { t } = useTranslation();
  const { session } = useSession();
  return (
    <nav aria-label={t('nav.public')} className={vertical ? 'mh-nav mh-nav-vertical' : 'mh-nav mh-nav-inline'}>
      <ul>
        <li>
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/report">{t('nav.report')}</NavLink>
        </li>
        <li>
          <NavLink to="/status">{t('nav.status')}</NavLink>
        </li>
        <li>
          <NavLink to="/venues">{t('nav.venues')}</NavLink>
        </li>
        <li>
          <NavLink to="/dashboard">{t('dashboard.nav')}</NavLink>
        </li>
        <li>
          <NavLink to="/showcase">{t('showcase.nav')}</NavLink>
        </li>
        <li>
          <NavLink to="/search">{t('search.nav')}</NavLink>
        </li>
        <li>
          <NavLink to="/open-data">{t('openData.nav')}</NavLink>
        </li>
        <li>
          <NavLink to="/territories">{t('nav.territories')}</NavLink>
        </li>
        <li>
          {session ? <NavLink to="/workbench">{t('nav.workbench')}</NavLink> : <NavLink to="/login">{t('nav.signIn')}</NavLink>}
        </li>
      </ul>
    </nav>
  );
}

/** Frame of the pages anyone can open: header with navigation and language, content, footer. */
export function PublicLayout() {
  const { t } = useTranslation();
  const mobile = useIsMobile();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  useEffect(() => setMenuOpen(false), [location.pathname]);
  useFocusMainOnNavigate();

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
            aria-controls="mh-public-menu"
            onClick={() => setMenuOpen(true)}
          />
        )}
        <Brand to="/" />
        {!mobile && <PublicNav />}
        <div className="mh-header-spacer" />
        <div className="mh-header-tools">
          <LanguageSwitch />
          <ElderModeSwitch />
        </div>
      </Layout.Header>
      {mobile && (
        <Drawer
          id="mh-public-menu"
          title={t('nav.menu')}
          placement="left"
          size={280}
          open={menuOpen}
          onClose={() => setMenuOpen(false)}
        >
          <PublicNav vertical />
        </Drawer>
      )}
      <Layout.Content id="main" tabIndex={-1} className="mh-public-main">
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
      <Layout.Footer className="mh-footer">
        <span>{t('app.footer')}</span>
      </Layout.Footer>
    </Layout>
  );
}
