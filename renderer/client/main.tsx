// Entry of the client page (served at /client/).
import '../api/zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ClientApp } from './ClientApp';
import '../styles/base.css';
import '../styles/chat.css';
import './client.css';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');

createRoot(root).render(
  <StrictMode>
    <ClientApp />
  </StrictMode>,
);
