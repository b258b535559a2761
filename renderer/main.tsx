// Entry of the staff inbox page.
import './api/zodConfig';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/base.css';
import './styles/inbox.css';
import './styles/chat.css';
import './styles/settings.css';
import './styles/lock.css';
import './styles/onboarding.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

createRoot(root).render(
  <StrictMode>
    <Suspense fallback={null}>
      <App />
    </Suspense>
  </StrictMode>,
);
