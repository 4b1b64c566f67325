import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { restoreLanguage } from './i18n/index.js';
import { applyElderMode } from './app/elder-mode.js';
import { App } from './app/app.js';

// Elder mode goes on <html> before anything renders, so large text never flashes small.
applyElderMode();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// A remembered Traditional Chinese or English loads its text first: no flash of Simplified.
void restoreLanguage().then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
