// The sandboxed preload: exposes the typed desktop bridge as `window.desktop`, and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { bridgeGlobal, createDesktopBridge } from './bridge';

contextBridge.exposeInMainWorld(bridgeGlobal, createDesktopBridge(ipcRenderer));
