// Just enough WebSocket (RFC 6455) for the Telnyx stand-in's Verto endpoint and the tests that
// talk to it: the server side of the upgrade, a client, and text frames both ways. Node 20 has no
// WebSocket of its own and the project carries no WebSocket package; the protocol's framing is
// small, and text messages are all Verto uses.
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { Duplex } from 'node:stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OP_CONTINUATION = 0x0;
const OP_TEXT = 0x1;
const OP_BINARY = 0x2;
const OP_CLOSE = 0x8;
const OP_PING = 0x9;
const OP_PONG = 0xa;
/** Verto messages are small JSON objects; a peer sending more is misbehaving. */
const MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

const acceptKey = (key: string) => createHash('sha1').update(key + GUID).digest('base64');

/** One open WebSocket; `masked` for the client side (RFC 6455 §5.3: clients mask, servers do not). */
export class WebSocketConnection {
  private buffer: Buffer = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  private closed = false;
  private readonly messageListeners: ((text: string) => void)[] = [];
  private readonly closeListeners: ((code: number) => void)[] = [];

  constructor(
    private readonly socket: Duplex,
    private readonly masked: boolean,
    head?: Buffer,
  ) {
    // Bytes that came with the upgrade are read once the caller has had a turn to listen.
    if (head?.length) setImmediate(() => this.receive(head));
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    socket.on('close', () => this.finish(1006));
    socket.on('error', () => this.finish(1006));
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  onMessage(listener: (text: string) => void): void {
    this.messageListeners.push(listener);
  }

  onClose(listener: (code: number) => void): void {
    this.closeListeners.push(listener);
  }

  send(text: string): void {
    if (!this.closed) this.socket.write(this.frame(OP_TEXT, Buffer.from(text, 'utf8')));
  }

  close(code = 1000): void {
    if (this.closed) return;
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(code);
    this.socket.write(this.frame(OP_CLOSE, payload));
    this.socket.end();
    this.finish(code);
  }

  /** Drops the connection without a closing handshake (a lost network). */
  terminate(): void {
    this.socket.destroy();
    this.finish(1006);
  }

  private finish(code: number): void {
    if (this.closed) return;
    this.closed = true;
    for (const listener of this.closeListeners) listener(code);
  }

  private frame(opcode: number, payload: Buffer): Buffer {
    const length = payload.length;
    const header = length < 126 ? Buffer.alloc(2) : length < 0x10000 ? Buffer.alloc(4) : Buffer.alloc(10);
    header[0] = 0x80 | opcode;
    if (length < 126) header[1] = length;
    else if (length < 0x10000) {
      header[1] = 126;
      header.writeUInt16BE(length, 2);
    } else {
      header[1] = 127;
      header.writeBigUInt64BE(BigInt(length), 2);
    }
    if (!this.masked) return Buffer.concat([header, payload]);
    header[1]! |= 0x80;
    const mask = randomBytes(4);
    const body = Buffer.from(payload);
    for (let i = 0; i < body.length; i++) body[i]! ^= mask[i % 4]!;
    return Buffer.concat([header, mask, body]);
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    for (;;) {
      if (this.buffer.length < 2) return;
      const first = this.buffer[0]!;
      const second = this.buffer[1]!;
      let offset = 2;
      let length = second & 0x7f;
      if (length === 126) {
        if (this.buffer.length < 4) return;
        length = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (this.buffer.length < 10) return;
        length = Number(this.buffer.readBigUInt64BE(2));
        offset = 10;
      }
      if (length > MAX_MESSAGE_BYTES) return this.close(1009);
      const isMasked = (second & 0x80) !== 0;
      const mask = isMasked ? this.buffer.subarray(offset, offset + 4) : null;
      if (isMasked) offset += 4;
      if (this.buffer.length < offset + length) return;
      const payload = Buffer.from(this.buffer.subarray(offset, offset + length));
      this.buffer = this.buffer.subarray(offset + length);
      if (mask) for (let i = 0; i < payload.length; i++) payload[i]! ^= mask[i % 4]!;
      this.handleFrame((first & 0x80) !== 0, first & 0x0f, payload);
      if (this.closed) return;
    }
  }

  private handleFrame(fin: boolean, opcode: number, payload: Buffer): void {
    switch (opcode) {
      case OP_PING:
        this.socket.write(this.frame(OP_PONG, payload));
        return;
      case OP_PONG:
        return;
      case OP_CLOSE:
        this.close(payload.length >= 2 ? payload.readUInt16BE(0) : 1000);
        return;
      case OP_TEXT:
      case OP_BINARY:
      case OP_CONTINUATION: {
        this.fragments.push(payload);
        if (!fin) return;
        const text = Buffer.concat(this.fragments).toString('utf8');
        this.fragments = [];
        for (const listener of this.messageListeners) listener(text);
        return;
      }
      default:
        this.close(1002);
    }
  }
}

/** Completes a WebSocket upgrade on the server side; answers 400 and returns null when the request is not one. */
export function acceptWebSocket(req: http.IncomingMessage, socket: Duplex, head?: Buffer): WebSocketConnection | null {
  const key = req.headers['sec-websocket-key'];
  if (req.headers.upgrade?.toLowerCase() !== 'websocket' || typeof key !== 'string') {
    socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
    return null;
  }
  socket.write(
    ['HTTP/1.1 101 Switching Protocols', 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Accept: ${acceptKey(key)}`, '', ''].join('\r\n'),
  );
  return new WebSocketConnection(socket, false, head);
}

/** Opens a WebSocket to a ws:// URL (tests speak to the stand-in the way the browser SDK does). */
export function connectWebSocket(url: string): Promise<WebSocketConnection> {
  const target = new URL(url);
  const key = randomBytes(16).toString('base64');
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: target.hostname,
      port: target.port,
      path: `${target.pathname}${target.search}`,
      headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-key': key, 'sec-websocket-version': '13' },
    });
    req.on('upgrade', (res, socket, head) => {
      if (res.headers['sec-websocket-accept'] !== acceptKey(key)) {
        socket.destroy();
        reject(new Error('The server answered the WebSocket upgrade with the wrong accept key'));
        return;
      }
      resolve(new WebSocketConnection(socket, true, head));
    });
    req.on('response', (res) => reject(new Error(`The server refused the WebSocket upgrade (${res.statusCode})`)));
    req.on('error', reject);
    req.end();
  });
}
