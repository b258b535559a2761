// The current route from the address's fragment, and a way to go elsewhere.
import { useCallback, useSyncExternalStore } from 'react';
import type { Grants } from '../../shared/permissions';
import { parseRoute, routeHref, type Route } from './route';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};
const readHash = () => window.location.hash;

export function useRoute(grants: Grants): [Route, (route: Route) => void] {
  const hash = useSyncExternalStore(subscribe, readHash);
  const navigate = useCallback((route: Route) => {
    window.location.hash = routeHref(route);
  }, []);
  return [parseRoute(hash, grants), navigate];
}
