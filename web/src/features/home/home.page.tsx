import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useElderMode } from '../../app/elder-mode.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { OnlineList } from '../online/online-list.js';

/** The public front page: what Minhu is, and where to go next. */
export function HomePage() {
  const { t } = useTranslation();
  usePageTitle(t('home.title'));
  const steps = ['call', 'handle', 'consult', 'report'] as const;
  // Elder mode: the two things residents come for first, big and stacked; no staff sign-in.
  const elder = useElderMode();
  return (
    <div className="mh-home">
      <section className="mh-hero" aria-labelledby="home-heading">
        <p className="mh-hero-motto">{t('home.motto')}</p>
        <h1 id="home-heading" className="mh-hero-title">
          {t('home.heading')}
        </h1>
        <p className="mh-hero-lead">{t('home.lead')}</p>
        <div className="mh-hero-actions">
          <Link to="/report" className="mh-button-link">
            {t('home.report')}
          </Link>
          {elder && (
            <Link to="/status" className="mh-button-link mh-button-link-secondary">
              {t('nav.status')}
            </Link>
          )}
          <Link to="/territories" className="mh-button-link mh-button-link-secondary">
            {t('home.browseTerritories')}
          </Link>
          {!elder && (
            <Link to="/login" className="mh-button-link mh-button-link-secondary">
              {t('home.signIn')}
            </Link>
          )}
        </div>
      </section>
      <OnlineList heading={t('online.homeTitle')} />
      <section aria-labelledby="how-heading" className="mh-home-section">
        <h2 id="how-heading" className="mh-section-title">
          {t('home.howTitle')}
        </h2>
        <ol className="mh-steps">
          {steps.map((step) => (
            <li key={step}>
              <h3>{t(`home.steps.${step}.title`)}</h3>
              <p>{t(`home.steps.${step}.text`)}</p>
            </li>
          ))}
        </ol>
      </section>
      <section aria-labelledby="open-heading" className="mh-home-section">
        <h2 id="open-heading" className="mh-section-title">
          {t('home.openTitle')}
        </h2>
        <p>{t('home.openText')}</p>
      </section>
    </div>
  );
}
