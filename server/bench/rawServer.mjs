// The baseline server: node:http + socket.io and nothing of ours. `ping` acks at once; `relay`
// acks and pushes the payload to the sockets that asked to `watch` its room (the same fan-out
// as our per-location rooms). The bench measures it in
// the same run as our server, so each of our figures has a same-machine reference. Plain
// JavaScript, so its cold start is Node's and socket.io's alone.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const httpServer = createServer((request, response) => {
  response.writeHead(request.url === '/api/health' ? 200 : 404, { 'content-type': 'application/json' });
  response.end('{"status":"ok"}');
});
const io = new Server(httpServer, { transports: ['websocket'] });
io.on('connection', (socket) => {
  socket.on('ping', (payload, ack) => ack({ ok: true, data: payload }));
  socket.on('watch', (room, ack) => {
    void socket.join(String(room));
    ack({ ok: true });
  });
  socket.on('relay', (payload, ack) => {
    ack({ ok: true });
    io.to(String(payload?.room)).emit('relayed', payload);
  });
});
httpServer.listen(0, '127.0.0.1', () => {
  const address = httpServer.address();
  if (address && typeof address === 'object') process.stdout.write(`Raw server listening on http://127.0.0.1:${address.port}\n`);
});
process.on('SIGTERM', () => {
  void io.close();
  process.exit(0);
});
