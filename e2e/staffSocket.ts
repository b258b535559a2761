// A team member's second device, as a spec needs one: signed in over HTTP and connected to the
// staff socket the way the app connects, sending requests the way the app sends them. For a
// change a colleague makes elsewhere while the spec watches the screen.
import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';
import { resultSchema } from '../shared/result';
import { routes, signInResponseSchema } from '../shared/http';
import { staffRequests } from '../shared/staffEvents';
import { DEMO_PASSWORD } from './staff';

type Requests = typeof staffRequests;

export interface StaffSocket {
  request<K extends keyof Requests & string>(name: K, payload: z.input<Requests[K]['payload']>): Promise<z.infer<Requests[K]['result']>>;
  close(): void;
}

export async function connectAsMember(serverUrl: string, email: string): Promise<StaffSocket> {
  const response = await fetch(new URL(routes.signIn, serverUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`Sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  const { token } = signInResponseSchema.parse(await response.json());
  const socket: Socket = io(serverUrl, { auth: { token }, transports: ['websocket'] });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return {
    async request(name, payload) {
      const answer = resultSchema(z.unknown()).parse(await socket.timeout(10_000).emitWithAck(name, payload));
      if (!answer.ok) throw new Error(`${name} refused: ${answer.error.code} ${answer.error.message}`);
      return staffRequests[name].result.parse(answer.data) as z.infer<Requests[typeof name]['result']>;
    },
    close: () => void socket.close(),
  };
}
