// Which channels this salon's server can send (R11): the client profile offers only those, and
// says why the others are unavailable. Asked on every (re)connect; until it answers, every
// channel is offered and the server's own check still refuses what it cannot send.
import { useEffect, useState } from 'react';
import type { SendableChannels } from '../../shared/deliveries';
import { useStaff } from '../session/StaffContext';

const UNKNOWN: SendableChannels = { email: true, sms: true };

export function useSendableChannels(): SendableChannels {
  const { api } = useStaff();
  const [channels, setChannels] = useState<SendableChannels>(UNKNOWN);
  useEffect(
    () =>
      api.whenConnected(() => {
        void api.request('delivery:channels', {}).then((result) => {
          if (result.ok) setChannels(result.data);
        });
      }),
    [api],
  );
  return channels;
}
