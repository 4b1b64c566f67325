import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage, type Language } from '../i18n/index.js';

const OPTIONS: { lng: Language; label: string }[] = [
  { lng: 'zh-CN', label: '中文' },
  { lng: 'en', label: 'English' },
];

/** 中文 / English: each label is written in its own language so anyone can find theirs. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = currentLanguage();
  return (
    <div role="group" aria-label={t('language.label')} className="mh-lang-switch">
      {OPTIONS.map(({ lng, label }) => (
        <Button
          key={lng}
          size="small"
          lang={lng}
          type={current === lng ? 'primary' : 'text'}
          aria-pressed={current === lng}
          onClick={() => setLanguage(lng)}
        >
          {label}
        </Button>
      ))}
    </div>
  );
}
