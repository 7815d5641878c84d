import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Fonts ship with the app (npm), so Thai, Lao, Myanmar, Khmer and Vietnamese render on
// machines that have none; each face is fetched only for the characters it covers.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/sarabun/400.css';
import '@fontsource/sarabun/700.css';
import '@fontsource/noto-sans-lao/400.css';
import '@fontsource/noto-sans-lao/700.css';
import '@fontsource/noto-sans-myanmar/400.css';
import '@fontsource/noto-sans-myanmar/700.css';
import '@fontsource/noto-sans-khmer/400.css';
import '@fontsource/noto-sans-khmer/700.css';
import './styles/app.css';
import { App } from './app/App';
import { registerServiceWorker } from './app/register-service-worker';
import { holdSwitchFonts } from './app/switch-fonts';

holdSwitchFonts(window.location.pathname);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
registerServiceWorker();
