import { io, type Socket } from 'socket.io-client';
import { LIVE_NAMESPACE, type ClientToServerEvents, type ServerToClientEvents } from '@agora/shared';
import { getToken, onTokenChange } from './token';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let socket: LiveSocket | null = null;

/** The one socket of the page to the /live namespace; it reconnects with the current token. */
export function getLiveSocket(): LiveSocket {
  if (socket) return socket;
  const s: LiveSocket = io(LIVE_NAMESPACE, {
    transports: ['websocket'],
    autoConnect: false,
    // Read at every (re)connection, so signing in or out is picked up.
    auth: (cb) => {
      const token = getToken();
      cb(token ? { token } : {});
    },
  });
  onTokenChange(() => {
    // A different viewer may see different nodes: reconnect under the new identity.
    if (s.connected || s.active) {
      s.disconnect();
      s.connect();
    }
  });
  socket = s;
  return s;
}
