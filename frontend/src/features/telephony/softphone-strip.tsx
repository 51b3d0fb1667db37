// The softphone strip across the top of the console: the line's state and the call's duration,
// mute, hold, the keypad (DTMF), hang up, and the microphone and speaker menu. The remote
// party's audio plays through the console's one <audio> element, not here.
import { Grid3X3, Mic, MicOff, Pause, PhoneOff, Play, RotateCw, Settings2, WifiOff } from 'lucide-react';
import { Button } from '@/components/ui/button';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';
import { cn } from '@/lib/utils';
import { DTMF_KEYS, SOFTPHONE_STATUS_LABELS, formatClock, type SoftphoneStatus } from './softphone-state';
import type { Softphone } from './use-softphone';

const TONES: Record<SoftphoneStatus, string> = {
  idle: 'bg-neutral-subtle text-neutral-text',
  connecting: 'bg-info-subtle text-info-text',
  ready: 'bg-success-subtle text-success-text',
  ringing: 'bg-warning-subtle text-warning-text',
  active: 'bg-success-subtle text-success-text ring-1 ring-inset ring-success',
  held: 'bg-warning-subtle text-warning-text',
  ended: 'bg-neutral-subtle text-neutral-text',
  reconnecting: 'bg-warning-subtle text-warning-text',
  error: 'bg-danger-subtle text-danger-text',
};

export interface SoftphoneStripProps {
  phone: Softphone;
  /** Hangs up through the API when the browser has no call leg (a dialing call not yet bridged). */
  onHangupFallback?: () => void;
  /** The API has a call in progress for the agent (reserved, ringing or bridged). */
  apiCallLive: boolean;
}

function deviceLabel(device: MediaDeviceInfo, index: number, kind: string): string {
  return device.label || `${kind} ${index + 1}`;
}

export function SoftphoneStrip({ phone, onHangupFallback, apiCallLive }: SoftphoneStripProps) {
  const { status, state, duration, devices } = phone;
  const call = state.call;
  const inCall = status === 'active' || status === 'held';
  const live = call !== null && call.phase !== 'ended';
  const canHangUp = live || apiCallLive;
  return (
    <section aria-label="Softphone" className="flex flex-wrap items-center gap-3 rounded-xl border border-border bg-card px-4 py-2.5 shadow-xs">
      <div className="flex min-w-0 items-center gap-3">
        <span
          role="status"
          aria-label="Call state"
          data-state={status}
          className={cn('inline-flex h-7 items-center gap-1.5 rounded-full px-3 text-sm font-semibold', TONES[status], status === 'ringing' && 'animate-pulse')}
        >
          {(status === 'reconnecting' || status === 'error') && <WifiOff className="size-3.5" aria-hidden="true" />}
          {SOFTPHONE_STATUS_LABELS[status]}
        </span>
        <span className="font-mono text-lg font-semibold tabular" aria-label="Call duration" role="timer">
          {formatClock(duration)}
        </span>
        {call?.remoteNumber && <span className="truncate font-mono text-sm text-muted-foreground">{call.remoteNumber}</span>}
        {state.connection === 'reconnecting' && live && <span className="text-xs text-warning-text">Connection lost: recovering the call…</span>}
        {!state.online && <span className="text-xs text-warning-text">This computer is offline.</span>}
        {(status === 'error' || status === 'ringing') && state.error && <span className="max-w-md truncate text-xs text-danger-text">{state.error}</span>}
      </div>
      <div className="ml-auto flex flex-wrap items-center gap-1.5">
        {status === 'error' && (
          <Button size="sm" variant="outline" onClick={phone.reconnect}>
            <RotateCw aria-hidden="true" />
            Reconnect
          </Button>
        )}
        {status === 'ringing' && call?.direction === 'inbound' && (
          <Button size="sm" variant="accent" onClick={phone.answer}>
            Answer
          </Button>
        )}
        <Button size="sm" variant={state.muted ? 'default' : 'outline'} aria-pressed={state.muted} disabled={!inCall} onClick={phone.toggleMute}>
          {state.muted ? <MicOff aria-hidden="true" /> : <Mic aria-hidden="true" />}
          {state.muted ? 'Muted' : 'Mute'}
        </Button>
        <Button size="sm" variant={status === 'held' ? 'default' : 'outline'} aria-pressed={status === 'held'} disabled={!inCall} onClick={phone.toggleHold}>
          {status === 'held' ? <Play aria-hidden="true" /> : <Pause aria-hidden="true" />}
          {status === 'held' ? 'Resume' : 'Hold'}
        </Button>
        <Popover>
          <PopoverTrigger asChild>
            <Button size="sm" variant="outline" disabled={!inCall}>
              <Grid3X3 aria-hidden="true" />
              Keypad
            </Button>
          </PopoverTrigger>
          <PopoverContent
            className="w-56 p-3"
            align="end"
            aria-label="Keypad"
            onKeyDown={(event) => {
              if ((DTMF_KEYS as readonly string[]).includes(event.key) && !event.metaKey && !event.ctrlKey) {
                event.preventDefault();
                phone.sendDigit(event.key);
              }
            }}
          >
            <output className="mb-2 block h-7 truncate rounded-md bg-muted px-2 text-right font-mono text-base leading-7 tabular" aria-label="Digits sent">
              {call?.digits ?? ''}
            </output>
            <div className="grid grid-cols-3 gap-1.5">
              {DTMF_KEYS.map((key) => (
                <Button key={key} variant="outline" className="h-10 font-mono text-base" onClick={() => phone.sendDigit(key)} aria-label={`Send ${key}`}>
                  {key}
                </Button>
              ))}
            </div>
            <p className="mt-2 text-xs text-muted-foreground">Typing 0–9, * or # here sends the tone too.</p>
          </PopoverContent>
        </Popover>
        <Button
          size="sm"
          variant="destructive"
          disabled={!canHangUp}
          onClick={() => (live ? phone.hangup() : onHangupFallback?.())}
        >
          <PhoneOff aria-hidden="true" />
          Hang up
        </Button>
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button size="icon-sm" variant="ghost" aria-label="Audio devices">
              <Settings2 aria-hidden="true" />
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent className="w-72">
            <DeviceChoice title="Microphone" devices={devices.inputs} value={devices.micId} onValueChange={phone.setMic} />
            <DropdownMenuSeparator />
            <DeviceChoice title="Speaker" devices={devices.outputs} value={devices.speakerId} onValueChange={phone.setSpeaker} />
          </DropdownMenuContent>
        </DropdownMenu>
      </div>
    </section>
  );
}

/** One kind of audio device to choose from; with none listed (no permission yet), the browser's default. */
function DeviceChoice({ title, devices, value, onValueChange }: { title: 'Microphone' | 'Speaker'; devices: MediaDeviceInfo[]; value: string | null; onValueChange: (id: string) => void }) {
  return (
    <>
      <DropdownMenuLabel>{title}</DropdownMenuLabel>
      {devices.length === 0 ? (
        <p className="px-2 py-1.5 text-sm text-muted-foreground">The browser's default</p>
      ) : (
        <DropdownMenuRadioGroup value={value ?? 'default'} onValueChange={onValueChange}>
          {devices.map((d, i) => (
            <DropdownMenuRadioItem key={d.deviceId || i} value={d.deviceId || 'default'}>
              <span className="truncate">{deviceLabel(d, i, title)}</span>
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      )}
    </>
  );
}
