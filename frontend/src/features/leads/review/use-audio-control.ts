// One <audio> element driven from anywhere on the review page: the transcript and the evidence
// chips seek it and play, the `p` key toggles it, and everyone reads where it is to highlight the
// utterance being spoken. A seek asked for before the audio has loaded waits for its metadata.
import { useCallback, useEffect, useRef, useState } from 'react';

export interface AudioControl {
  /** Put on the <audio> element. */
  ref: (element: HTMLAudioElement | null) => void;
  /** The playback position, ms (follows `timeupdate` and seeks). */
  positionMs: number;
  playing: boolean;
  /** Whether an element is mounted (there is a recording to play). */
  ready: boolean;
  seekAndPlay(ms: number): void;
  toggle(): void;
}

export function useAudioControl(): AudioControl {
  const [element, setElement] = useState<HTMLAudioElement | null>(null);
  const [positionMs, setPositionMs] = useState(0);
  const [playing, setPlaying] = useState(false);
  const pendingSeek = useRef<number | null>(null);

  useEffect(() => {
    if (!element) return;
    const sync = () => setPositionMs(Math.round(element.currentTime * 1000));
    const onPlay = () => setPlaying(true);
    const onPause = () => setPlaying(false);
    const onMetadata = () => {
      if (pendingSeek.current === null) return;
      element.currentTime = pendingSeek.current / 1000;
      pendingSeek.current = null;
      sync();
      void element.play().catch(() => undefined);
    };
    element.addEventListener('timeupdate', sync);
    element.addEventListener('seeked', sync);
    element.addEventListener('play', onPlay);
    element.addEventListener('pause', onPause);
    element.addEventListener('ended', onPause);
    element.addEventListener('loadedmetadata', onMetadata);
    return () => {
      element.removeEventListener('timeupdate', sync);
      element.removeEventListener('seeked', sync);
      element.removeEventListener('play', onPlay);
      element.removeEventListener('pause', onPause);
      element.removeEventListener('ended', onPause);
      element.removeEventListener('loadedmetadata', onMetadata);
    };
  }, [element]);

  const seekAndPlay = useCallback(
    (ms: number) => {
      setPositionMs(ms);
      if (!element) return;
      // HAVE_NOTHING: the position would be lost; set it once the metadata is in.
      if (element.readyState === 0) {
        pendingSeek.current = ms;
        element.load();
        return;
      }
      element.currentTime = ms / 1000;
      // A browser may refuse to play (autoplay rules): the position is set all the same.
      void element.play().catch(() => undefined);
    },
    [element],
  );

  const toggle = useCallback(() => {
    if (!element) return;
    if (element.paused) void element.play().catch(() => undefined);
    else element.pause();
  }, [element]);

  return { ref: setElement, positionMs, playing, ready: element !== null, seekAndPlay, toggle };
}
