// A banner for owners at the top of Settings once attachment storage passes 80 % of its quota
// (the server also records it in the audit log). Fetched on every (re)connect.
import { useEffect, useState } from 'react';
import { can } from '../../shared/permissions';
import { useStaff } from '../session/StaffContext';
import { storageWarningText } from './storageWarning';

export function StorageWarning() {
  const { api, session } = useStaff();
  const isOwner = can(session.grants, 'audit.view');
  const [text, setText] = useState<string | null>(null);

  useEffect(() => {
    if (!isOwner) return;
    return api.whenConnected(() => {
      void api.request('storage:get', {}).then((result) => {
        if (result.ok) setText(storageWarningText(result.data));
      });
    });
  }, [api, isOwner]);

  if (text === null) return null;
  return (
    <p className="notice notice--warning settings-storage-warning" role="status">
      {text}
    </p>
  );
}
