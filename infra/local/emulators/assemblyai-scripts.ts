// The calls the AssemblyAI stand-in "hears": a small library of B2B qualification calls, each a
// list of turns on the recording's two channels. Channel 1 (left) is the recorded leg, the
// prospect the dialler called; channel 2 (right) is the agent bridged onto it (see wav.ts and the
// lead pipeline's transcribe.ts). The turns are laid over the audio's real duration, word by word.
export interface ScriptTurn {
  channel: '1' | '2';
  text: string;
}

export interface CallScript {
  name: string;
  turns: ScriptTurn[];
}

const agent = (text: string): ScriptTurn => ({ channel: '2', text });
const prospect = (text: string): ScriptTurn => ({ channel: '1', text });

export const CALL_SCRIPTS: readonly CallScript[] = [
  {
    name: 'interested-and-consents',
    turns: [
      agent("Hi, this is Sam from Pivotal. I'm calling about our new guide to cloud cost control. Do you have a minute?"),
      prospect('Sure, I have a couple of minutes.'),
      agent('Great. Is cloud spending something your team is looking at this year?'),
      prospect("Yes, we're interested. Our AWS bill doubled, so please send me the guide."),
      agent('Can I confirm your email is the one on your company profile?'),
      prospect("Yes, that's correct, that's my work email."),
      agent('And may we follow up by email and phone about it?'),
      prospect('Yes, you can contact me by email. I agree to that.'),
      agent('Thank you, you will have it within the hour.'),
    ],
  },
  {
    name: 'not-interested',
    turns: [
      agent("Good afternoon, this is Alex from Pivotal, calling about our report on security automation."),
      prospect("Sorry, we're not interested at the moment."),
      agent('I understand. Would a short summary by email help?'),
      prospect("No thanks, please don't email me."),
      agent('Of course, thank you for your time.'),
    ],
  },
  {
    name: 'interested-no-email-confirmation',
    turns: [
      agent('Hello, this is Jordan from Pivotal. We have a new benchmark on data pipelines.'),
      prospect('Sounds useful, I would like to read it.'),
      agent('How many engineers work on data at your company?'),
      prospect('About forty, across two teams.'),
      agent('Where should I send the benchmark?'),
      prospect("Just use the address you have, I'm in a hurry."),
      agent('Will do. Thanks for your time.'),
    ],
  },
];

/** A script chosen by a stable hash of the key (the recording's name), so one recording always gets the same one. */
export function scriptFor(key: string): CallScript {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619) >>> 0;
  return CALL_SCRIPTS[hash % CALL_SCRIPTS.length]!;
}

export interface TimedWord {
  text: string;
  start: number;
  end: number;
  confidence: number;
  channel: string;
  speaker: string;
}

export interface TimedUtterance {
  channel: string;
  speaker: string;
  text: string;
  start: number;
  end: number;
  confidence: number;
  words: TimedWord[];
}

/** The turns laid over `durationMs`: each turn's share of the time by its words, a short pause between turns. */
export function timeScript(script: CallScript, durationMs: number): TimedUtterance[] {
  const words = script.turns.map((t) => t.text.split(/\s+/).filter(Boolean));
  const total = words.reduce((n, w) => n + w.length, 0);
  const pause = Math.min(400, durationMs / (script.turns.length * 8));
  const speaking = Math.max(script.turns.length, durationMs - pause * (script.turns.length + 1));
  let at = pause;
  return script.turns.map((turn, i) => {
    const turnWords = words[i]!;
    const length = (speaking * turnWords.length) / total;
    const per = length / turnWords.length;
    const timed = turnWords.map((text, j) => ({
      text,
      start: Math.round(at + j * per),
      end: Math.round(at + (j + 1) * per - Math.min(per * 0.1, 40)),
      confidence: 0.9 + ((j * 7) % 10) / 100,
      channel: turn.channel,
      speaker: turn.channel,
    }));
    const utterance = { channel: turn.channel, speaker: turn.channel, text: turn.text, start: timed[0]!.start, end: timed[timed.length - 1]!.end, confidence: 0.94, words: timed };
    at += length + pause;
    return utterance;
  });
}
