import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Fonts ship with the app (npm), so Thai and Lao render on machines that have none.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/sarabun/400.css';
import '@fontsource/sarabun/700.css';
import '@fontsource/noto-sans-lao/400.css';
import '@fontsource/noto-sans-lao/700.css';
import './styles/app.css';
import { App } from './app/App';
import { registerServiceWorker } from './app/register-service-worker';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
registerServiceWorker();
