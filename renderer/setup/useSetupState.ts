// Whether the inbox still has to be set up: asked once when the app opens signed out. Until the
// server answers (or if it cannot), the sign-in screen shows as usual.
import { useEffect, useState } from 'react';
import type { SetupState } from '../../shared/http';
import type { SetupApi } from './setupApi';

export function useSetupState(api: SetupApi, signedOut: boolean) {
  const [state, setState] = useState<SetupState | null>(null);
  useEffect(() => {
    if (!signedOut) return;
    let current = true;
    void api.state().then((result) => {
      if (current && result.ok) setState(result.data);
    });
    return () => {
      current = false;
    };
  }, [api, signedOut]);
  const setUpDone = () => setState({ required: false, available: false });
  return { state, setUpDone };
}
