// The bench's HTTP client: GET requests, one at a time, on one kept-alive connection, written as
// bytes and read back by the response's Content-Length. It does no more than put a request on the
// wire and take the response off it, so a timing holds the API's work and the transport, not a
// client library's own (node:http's request objects and response stream add a cost per request
// in this process, where the API runs too: docs/decisions/0006).
import net from 'node:net';

export interface WireResponse {
  status: number;
  text: string;
}

const HEAD_END = Buffer.from('\r\n\r\n');

export class WireClient {
  private socket: net.Socket | null = null;
  private chunks: Buffer[] = [];
  private received = 0;
  private bodyStart = -1;
  private expected = -1;
  private status = 0;
  private waiting: { resolve: (r: WireResponse) => void; reject: (e: Error) => void } | null = null;

  constructor(
    private readonly origin: URL,
    private readonly headers: Record<string, string>,
  ) {}

  get(pathAndQuery: string): Promise<WireResponse> {
    if (this.waiting) return Promise.reject(new Error('WireClient sends one request at a time'));
    const socket = this.socket ?? this.connect();
    const lines = [`GET ${pathAndQuery} HTTP/1.1`, `Host: ${this.origin.host}`, 'Connection: keep-alive'];
    for (const [name, value] of Object.entries(this.headers)) lines.push(`${name}: ${value}`);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = null;
  }

  private connect(): net.Socket {
    const socket = net.connect(Number(this.origin.port), this.origin.hostname);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    const fail = (error: Error) => {
      // A socket this client already let go of (closed, or replaced after a failure) says nothing.
      if (this.socket !== socket) return;
      this.socket = null;
      this.reset();
      const waiting = this.waiting;
      this.waiting = null;
      waiting?.reject(error);
    };
    socket.on('error', fail);
    // The server closed an idle connection (its keep-alive timeout): the next request opens another.
    socket.on('close', () => fail(new Error('the connection closed before the response was complete')));
    this.socket = socket;
    return socket;
  }

  private reset(): void {
    this.chunks = [];
    this.received = 0;
    this.bodyStart = -1;
    this.expected = -1;
  }

  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.received += chunk.length;
    if (this.bodyStart < 0) {
      const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
      this.chunks = [all];
      const end = all.indexOf(HEAD_END);
      if (end < 0) return;
      const head = all.toString('latin1', 0, end);
      const statusLine = /^HTTP\/1\.1 (\d{3})/.exec(head);
      const length = /\r\ncontent-length: *(\d+)/i.exec(head);
      if (!statusLine || !length) {
        this.fail(new Error(`expected an HTTP/1.1 response with a Content-Length, got: ${head.slice(0, 200)}`));
        return;
      }
      this.status = Number(statusLine[1]);
      this.bodyStart = end + HEAD_END.length;
      this.expected = this.bodyStart + Number(length[1]);
    }
    if (this.received < this.expected) return;
    if (this.received > this.expected) {
      this.fail(new Error('the server sent more than one response'));
      return;
    }
    const all = this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
    const response = { status: this.status, text: all.toString('utf8', this.bodyStart, this.expected) };
    this.reset();
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.resolve(response);
  }

  private fail(error: Error): void {
    this.close();
    this.reset();
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(error);
  }
}
