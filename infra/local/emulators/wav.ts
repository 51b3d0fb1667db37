// The recordings the Telnyx stand-in hands out: dual-channel 8 kHz 16-bit PCM WAV, a tone per
// channel (the first leg on the left, the other party on the right), like a Telnyx dual-channel
// recording in shape if not in content, so the code that copies and plays recordings, and
// transcription set to multichannel, see the file they will see in production.

export interface TwoToneWav {
  seconds: number;
  /** 2 (the default): a channel per party; 1: both tones mixed, as a single-channel recording. */
  channels?: 1 | 2;
  /** Tone of the first channel, in hertz. */
  leftHz?: number;
  /** Tone of the second channel, in hertz. */
  rightHz?: number;
  sampleRate?: number;
}

const BITS = 16;

/** A RIFF/WAVE file: PCM, 16 bits, one sine tone per channel at a quarter of full scale. */
export function twoToneWav({ seconds, channels = 2, leftHz = 440, rightHz = 660, sampleRate = 8000 }: TwoToneWav): Buffer {
  const frames = Math.max(1, Math.round(seconds * sampleRate));
  const blockAlign = (channels * BITS) / 8;
  const dataBytes = frames * blockAlign;
  const wav = Buffer.alloc(44 + dataBytes);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + dataBytes, 4);
  wav.write('WAVE', 8, 'ascii');
  wav.write('fmt ', 12, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(channels, 22);
  wav.writeUInt32LE(sampleRate, 24);
  wav.writeUInt32LE(sampleRate * blockAlign, 28);
  wav.writeUInt16LE(blockAlign, 32);
  wav.writeUInt16LE(BITS, 34);
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(dataBytes, 40);
  const amplitude = 0x7fff / 4;
  for (let i = 0; i < frames; i++) {
    const t = i / sampleRate;
    const offset = 44 + i * blockAlign;
    const left = amplitude * Math.sin(2 * Math.PI * leftHz * t);
    const right = amplitude * Math.sin(2 * Math.PI * rightHz * t);
    if (channels === 1) wav.writeInt16LE(Math.round((left + right) / 2), offset);
    else {
      wav.writeInt16LE(Math.round(left), offset);
      wav.writeInt16LE(Math.round(right), offset + 2);
    }
  }
  return wav;
}

export interface WavFormat {
  channels: number;
  sampleRate: number;
  bitsPerSample: number;
  frames: number;
}

/** Reads the format chunk of a canonical PCM WAV; null when the bytes are not one. */
export function readWavFormat(wav: Buffer): WavFormat | null {
  if (wav.length < 44 || wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') return null;
  if (wav.toString('ascii', 12, 16) !== 'fmt ' || wav.readUInt16LE(20) !== 1 || wav.toString('ascii', 36, 40) !== 'data') return null;
  const channels = wav.readUInt16LE(22);
  const bitsPerSample = wav.readUInt16LE(34);
  return { channels, sampleRate: wav.readUInt32LE(24), bitsPerSample, frames: wav.readUInt32LE(40) / ((channels * bitsPerSample) / 8) };
}
