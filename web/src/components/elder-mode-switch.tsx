import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { setElderMode, useElderMode } from '../app/elder-mode.js';

/** 长辈模式: a toggle in the page header for larger text and simpler pages. */
export function ElderModeSwitch() {
  const { t } = useTranslation();
  const on = useElderMode();
  return (
    <Button
      data-testid="elder-mode"
      className="mh-elder-switch"
      size="small"
      type={on ? 'primary' : 'default'}
      aria-pressed={on}
      title={t('access.elder.hint')}
      onClick={() => setElderMode(!on)}
    >
      <span aria-hidden="true" className="mh-elder-glyph">
        大
      </span>
      {t('access.elder.label')}
    </Button>
  );
}
