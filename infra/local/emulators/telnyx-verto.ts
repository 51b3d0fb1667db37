// The WebRTC side of the Telnyx stand-in: the Verto JSON-RPC that `@telnyx/webrtc` 2.27 speaks over
// its WebSocket (the SDK's `host` option points it here). It logs agents in by their login token,
// tells the SDK the gateway is registered, offers calls to an agent's browser (`telnyx_rtc.invite`
// with an SDP the browser can answer), takes answers, hang-ups, hold and DTMF, and lets the browser
// place calls of its own. Media is not emulated: the SDPs are well formed and point nowhere.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { acceptWebSocket, type WebSocketConnection } from './websocket';

export interface VertoIdentity {
  sipUsername: string;
  credentialId: string;
}

export interface VertoSession extends VertoIdentity {
  /** Verto's `sessid`. */
  id: string;
  connectedAt: string;
}

export interface OutgoingVertoCall {
  callId: string;
  destination: string;
  callerName: string | undefined;
  callerNumber: string | undefined;
}

/** What the stand-in's call engine hears from the browsers. */
export interface VertoEvents {
  /** Who the login parameters name; null refuses the login. */
  authenticate(params: { login_token?: unknown; login?: unknown; passwd?: unknown }): VertoIdentity | null;
  /** The agent answered a call the stand-in offered. */
  answered(callId: string): void;
  /** The browser ended (or declined) a call. */
  hungUp(callId: string, cause: string): void;
  /** The browser placed a call. */
  placed(session: VertoSession, call: OutgoingVertoCall): void;
  held(callId: string, held: boolean): void;
  dtmf(callId: string, digits: string): void;
  /** The browser's socket closed: its calls are gone. */
  disconnected(session: VertoSession, callIds: string[]): void;
}

export interface OfferedCall {
  callId: string;
  callerName: string;
  callerNumber: string;
  calleeNumber: string;
  callControlId: string;
  callLegId: string;
  callSessionId: string;
}

export interface VertoServer {
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Logged-in browsers, oldest first. */
  sessions(): VertoSession[];
  /** The most recent logged-in browser of a SIP user. */
  sessionFor(sipUsername: string): VertoSession | undefined;
  /** Offers a call to a browser; false when it is gone. */
  invite(sessionId: string, call: OfferedCall): boolean;
  /** Tells the browser its own call rings, and then that it was answered (with the far end's SDP). */
  ringing(callId: string, ids: Pick<OfferedCall, 'callControlId' | 'callLegId' | 'callSessionId'>): void;
  answer(callId: string, ids: Pick<OfferedCall, 'callControlId' | 'callLegId' | 'callSessionId'>): void;
  /** Ends a call in the browser (the other party or the API hung up). */
  bye(callId: string, cause: string, causeCode: number): void;
  close(): void;
}

type Json = Record<string, unknown>;

interface Connection {
  socket: WebSocketConnection;
  session: VertoSession | null;
}

interface CallState {
  sessionId: string;
  offerSdp: string | null;
  held: boolean;
}

/** JSON-RPC error codes the SDK knows (-32000 makes it log in again and retry). */
const AUTH_REQUIRED = -32000;
const LOGIN_INCORRECT = -32001;
const METHOD_NOT_FOUND = -32601;

const fingerprint = () =>
  createHash('sha256')
    .update(randomBytes(32))
    .digest('hex')
    .toUpperCase()
    .match(/../g)!
    .join(':');

const iceLines = () => [`a=ice-ufrag:${randomBytes(4).toString('hex')}`, `a=ice-pwd:${randomBytes(12).toString('hex')}`, `a=fingerprint:sha-256 ${fingerprint()}`];

/** An audio offer a browser accepts in setRemoteDescription (G.711 and DTMF events, DTLS-SRTP). */
export function fakeOfferSdp(): string {
  const session = Date.now();
  return [
    'v=0',
    `o=- ${session} 2 IN IP4 127.0.0.1`,
    's=Telnyx stand-in',
    't=0 0',
    'a=group:BUNDLE 0',
    'a=msid-semantic: WMS',
    'm=audio 9 UDP/TLS/RTP/SAVPF 0 8 101',
    'c=IN IP4 127.0.0.1',
    'a=rtcp:9 IN IP4 0.0.0.0',
    ...iceLines(),
    'a=setup:actpass',
    'a=mid:0',
    'a=sendrecv',
    'a=rtcp-mux',
    'a=rtpmap:0 PCMU/8000',
    'a=rtpmap:8 PCMA/8000',
    'a=rtpmap:101 telephone-event/8000',
    'a=fmtp:101 0-16',
    '',
  ].join('\r\n');
}

/**
 * An answer to the browser's offer: each audio section accepted with PCMU, anything else refused
 * (port 0), mids kept, so the browser's setRemoteDescription takes it.
 */
export function fakeAnswerSdp(offer: string): string {
  const sections = offer.split(/\r?\n(?=m=)/).slice(1);
  const mids: string[] = [];
  const media = sections.map((section, index) => {
    const lines = section.split(/\r?\n/);
    const [kind = 'audio', , proto = 'UDP/TLS/RTP/SAVPF', firstFormat = '0'] = lines[0]!.slice(2).split(' ');
    const mid = lines.find((l) => l.startsWith('a=mid:'))?.slice(6) ?? String(index);
    if (kind !== 'audio') return [`m=${kind} 0 ${proto} ${firstFormat}`, 'c=IN IP4 0.0.0.0', `a=mid:${mid}`, 'a=inactive'];
    mids.push(mid);
    const pcmu = lines.some((l) => /^a=rtpmap:0 PCMU\/8000/i.test(l));
    const formats = pcmu ? '0' : firstFormat;
    const rtpmap = lines.find((l) => l.startsWith(`a=rtpmap:${formats} `)) ?? 'a=rtpmap:0 PCMU/8000';
    return [
      `m=audio 9 ${proto} ${formats}`,
      'c=IN IP4 127.0.0.1',
      'a=rtcp:9 IN IP4 0.0.0.0',
      ...iceLines(),
      'a=setup:active',
      `a=mid:${mid}`,
      'a=sendrecv',
      'a=rtcp-mux',
      rtpmap,
    ];
  });
  return [
    'v=0',
    `o=- ${Date.now()} 2 IN IP4 127.0.0.1`,
    's=Telnyx stand-in',
    't=0 0',
    ...(mids.length ? [`a=group:BUNDLE ${mids.join(' ')}`] : []),
    'a=msid-semantic: WMS',
    ...media.flat(),
    '',
  ].join('\r\n');
}

const str = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** Telnyx pings logged-in browsers now and then; the SDK answers and counts the socket alive. */
const PING_EVERY_MS = 30_000;

export function createVertoServer(events: VertoEvents): VertoServer {
  const connections = new Set<Connection>();
  const calls = new Map<string, CallState>();
  let requestCounter = 0;

  const connectionOf = (sessionId: string) => [...connections].find((c) => c.session?.id === sessionId);

  const send = (connection: Connection, message: Json) => connection.socket.send(JSON.stringify({ jsonrpc: '2.0', ...message }));
  const request = (connection: Connection, method: string, params: Json) => send(connection, { id: ++requestCounter, method, params });
  const result = (connection: Connection, id: unknown, value: Json) => send(connection, { id, result: value });
  const error = (connection: Connection, id: unknown, code: number, message: string) => send(connection, { id, error: { code, message } });

  const pings = setInterval(() => {
    for (const connection of connections) {
      if (connection.session) request(connection, 'telnyx_rtc.ping', { serno: Date.now() });
    }
  }, PING_EVERY_MS);
  pings.unref();

  const callIdOf = (params: Json) => str((params.dialogParams as Json | undefined)?.callID) ?? str(params.callID);

  function handle(connection: Connection, message: Json): void {
    // Answers to what the stand-in sent (the SDK acknowledges invites, answers and byes): nothing to do.
    if (!('method' in message)) return;
    const { id, method } = message;
    const params = (message.params ?? {}) as Json;
    if (method === 'login') {
      const identity = events.authenticate(params);
      if (!identity) return error(connection, id, LOGIN_INCORRECT, 'Login Incorrect');
      connection.session = { ...identity, id: str(params.sessid) ?? randomUUID(), connectedAt: new Date().toISOString() };
      result(connection, id, { message: 'logged in', sessid: connection.session.id });
      request(connection, 'telnyx_rtc.clientReady', { reattached_sessions: [] });
      return;
    }
    const session = connection.session;
    if (!session) return error(connection, id, AUTH_REQUIRED, 'Authentication Required');
    switch (method) {
      case 'telnyx_rtc.gatewayState':
        return result(connection, id, { params: { state: 'REGED' }, sessid: session.id });
      case 'telnyx_rtc.ping':
        return result(connection, id, { method, sessid: session.id });
      case 'telnyx_rtc.answer': {
        const callId = callIdOf(params);
        result(connection, id, { callID: callId, message: 'CALL ANSWERED', sessid: session.id });
        if (callId && calls.has(callId)) events.answered(callId);
        return;
      }
      case 'telnyx_rtc.bye': {
        const callId = callIdOf(params);
        result(connection, id, { callID: callId, message: 'CALL ENDED', sessid: session.id, cause: 'NORMAL_CLEARING', causeCode: 16 });
        if (callId && calls.delete(callId)) events.hungUp(callId, str(params.cause) ?? 'NORMAL_CLEARING');
        return;
      }
      case 'telnyx_rtc.modify': {
        const callId = callIdOf(params);
        const call = callId ? calls.get(callId) : undefined;
        if (!callId || !call) return error(connection, id, -32002, 'CALL DOES NOT EXIST');
        const action = str(params.action);
        call.held = action === 'hold' ? true : action === 'unhold' ? false : action === 'toggleHold' ? !call.held : call.held;
        result(connection, id, { callID: callId, action, holdState: call.held ? 'held' : 'active', sessid: session.id });
        events.held(callId, call.held);
        return;
      }
      case 'telnyx_rtc.info': {
        const callId = callIdOf(params);
        result(connection, id, { message: 'SENT', sessid: session.id });
        const digits = str(params.dtmf);
        if (callId && digits && calls.has(callId)) events.dtmf(callId, digits);
        return;
      }
      case 'telnyx_rtc.invite': {
        const dialog = (params.dialogParams ?? {}) as Json;
        const callId = str(dialog.callID) ?? randomUUID();
        calls.set(callId, { sessionId: session.id, offerSdp: str(params.sdp) ?? null, held: false });
        result(connection, id, { callID: callId, message: 'CALL CREATED', sessid: session.id });
        events.placed(session, {
          callId,
          destination: str(dialog.destination_number) ?? '',
          callerName: str(dialog.caller_id_name),
          callerNumber: str(dialog.caller_id_number),
        });
        return;
      }
      case 'telnyx_rtc.candidate':
      case 'telnyx_rtc.endOfCandidates':
      case 'telnyx_rtc.subscribe':
      case 'telnyx_rtc.unsubscribe':
      case 'telnyx_rtc.broadcast':
        return result(connection, id, { method, sessid: session.id });
      default:
        return error(connection, id, METHOD_NOT_FOUND, `Method not found: ${String(method)}`);
    }
  }

  function sendToCall(callId: string, method: string, params: Json): boolean {
    const call = calls.get(callId);
    const connection = call && connectionOf(call.sessionId);
    if (!connection?.socket.isOpen) return false;
    request(connection, method, { callID: callId, ...params });
    return true;
  }

  const telnyxIds = (ids: Pick<OfferedCall, 'callControlId' | 'callLegId' | 'callSessionId'>) => ({
    telnyx_call_control_id: ids.callControlId,
    telnyx_leg_id: ids.callLegId,
    telnyx_session_id: ids.callSessionId,
  });

  return {
    handleUpgrade(req, socket, head) {
      const ws = acceptWebSocket(req, socket, head);
      if (!ws) return;
      const connection: Connection = { socket: ws, session: null };
      connections.add(connection);
      ws.onMessage((text) => {
        let message: unknown;
        try {
          message = JSON.parse(text);
        } catch {
          return;
        }
        if (message && typeof message === 'object' && !Array.isArray(message)) handle(connection, message as Json);
      });
      ws.onClose(() => {
        connections.delete(connection);
        const session = connection.session;
        if (!session) return;
        const gone = [...calls].filter(([, call]) => call.sessionId === session.id).map(([callId]) => callId);
        gone.forEach((callId) => calls.delete(callId));
        events.disconnected(session, gone);
      });
    },
    sessions: () => [...connections].flatMap((c) => (c.session && c.socket.isOpen ? [c.session] : [])),
    sessionFor(sipUsername) {
      return [...connections]
        .reverse()
        .find((c) => c.session?.sipUsername === sipUsername && c.socket.isOpen)?.session ?? undefined;
    },
    invite(sessionId, call) {
      const connection = connectionOf(sessionId);
      if (!connection?.socket.isOpen) return false;
      calls.set(call.callId, { sessionId, offerSdp: null, held: false });
      request(connection, 'telnyx_rtc.invite', {
        callID: call.callId,
        sdp: fakeOfferSdp(),
        caller_id_name: call.callerName,
        caller_id_number: call.callerNumber,
        callee_id_name: call.calleeNumber,
        callee_id_number: call.calleeNumber,
        display_direction: 'inbound',
        ...telnyxIds(call),
      });
      return true;
    },
    ringing(callId, ids) {
      sendToCall(callId, 'telnyx_rtc.ringing', telnyxIds(ids));
    },
    answer(callId, ids) {
      const offer = calls.get(callId)?.offerSdp;
      sendToCall(callId, 'telnyx_rtc.answer', { sdp: offer ? fakeAnswerSdp(offer) : fakeOfferSdp(), ...telnyxIds(ids) });
    },
    bye(callId, cause, causeCode) {
      sendToCall(callId, 'telnyx_rtc.bye', { cause, causeCode });
      calls.delete(callId);
    },
    close() {
      clearInterval(pings);
      for (const connection of connections) connection.socket.terminate();
      connections.clear();
      calls.clear();
    },
  };
}
