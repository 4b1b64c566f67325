import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { scopeLabel } from '../../components/grant-label.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useSession } from '../../session/session.js';
import { NAV_ITEMS } from './nav-items.js';

/** Workbench start page: who you are, what roles you hold, where you can go. */
export function WorkbenchHomePage() {
  const { t } = useTranslation();
  usePageTitle(t('workbench.title'));
  const { session, can } = useSession();
  if (!session) return null;
  const links = NAV_ITEMS.filter((item) => item.key !== 'home' && (!item.permission || can(item.permission)));

  return (
    <div className="mh-page">
      <h1 className="mh-page-title">{t('workbench.greeting', { name: session.account.displayName })}</h1>
      <p className="mh-muted">{t('workbench.intro')}</p>

      <div className="mh-grid-2">
        <Card title={<h2 className="mh-card-title">{t('workbench.rolesTitle')}</h2>}>
          {session.grants.length === 0 ? (
            <p>{t('workbench.noRoles')}</p>
          ) : (
            <ul className="mh-role-list">
              {session.grants.map((grant) => (
                <li key={grant.id}>
                  <strong>{t(`roles.${grant.role}`)}</strong>
                  <span className="mh-muted">{scopeLabel(t, grant)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={<h2 className="mh-card-title">{t('workbench.quickLinks')}</h2>}>
          <ul className="mh-quick-links">
            {links.map((item) => (
              <li key={item.key}>
                <Link to={item.path}>
                  <span className="mh-nav-icon" aria-hidden="true">
                    {item.icon}
                  </span>
                  <span>
                    <strong>{t(`nav.items.${item.key}`)}</strong>
                    <span className="mh-muted mh-block-text">{t(`workbench.linkHints.${item.key}`)}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      </div>
    </div>
  );
}
