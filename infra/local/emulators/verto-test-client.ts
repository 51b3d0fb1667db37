// A browser's side of the stand-in's Verto endpoint for tests, message by message: what
// @telnyx/webrtc sends to log in, answer and hang up, without a browser.
import { connectWebSocket, type WebSocketConnection } from './websocket';

/** A browser's side of Verto, message by message. */
export class VertoClient {
  private readonly inbox: Record<string, unknown>[] = [];
  private readonly waiters: { match: (m: Record<string, unknown>) => boolean; resolve: (m: Record<string, unknown>) => void }[] = [];
  private counter = 0;

  constructor(readonly socket: WebSocketConnection) {
    socket.onMessage((text) => {
      const message = JSON.parse(text) as Record<string, unknown>;
      const waiter = this.waiters.find((w) => w.match(message));
      if (waiter) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(message);
      } else this.inbox.push(message);
    });
  }

  static async connect(host: string): Promise<VertoClient> {
    return new VertoClient(await connectWebSocket(`${host}/?voice_sdk_id=VSDK-test`));
  }

  next(match: (m: Record<string, unknown>) => boolean, timeoutMs = 5000): Promise<Record<string, unknown>> {
    const queued = this.inbox.find(match);
    if (queued) {
      this.inbox.splice(this.inbox.indexOf(queued), 1);
      return Promise.resolve(queued);
    }
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve };
      this.waiters.push(waiter);
      setTimeout(() => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) {
          this.waiters.splice(index, 1);
          reject(new Error('No matching Verto message in time'));
        }
      }, timeoutMs);
    });
  }

  /** Sends a request and waits for its answer. */
  async request(method: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
    const id = `req-${++this.counter}`;
    this.socket.send(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
    return this.next((m) => m.id === id && !('method' in m));
  }

  method(name: string) {
    return this.next((m) => m.method === name);
  }

  ack(message: Record<string, unknown>): void {
    this.socket.send(JSON.stringify({ jsonrpc: '2.0', id: message.id, result: { method: message.method } }));
  }
}
