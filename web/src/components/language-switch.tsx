import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage, type Language } from '../i18n/index.js';

const OPTIONS: { lng: Language; label: string }[] = [
  { lng: 'zh-CN', label: '简体中文' },
  { lng: 'zh-TW', label: '繁體中文' },
  { lng: 'en', label: 'English' },
];

/** 简体中文 / 繁體中文 / English: each label is written in its own language so anyone can find theirs. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  // re-rendered by useTranslation when the language changes
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
          onClick={() => void setLanguage(lng)}
        >
          {label}
        </Button>
      ))}
    </div>
  );
}
