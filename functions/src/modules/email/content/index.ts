// The email content library: compiling saved content, merge fields, per-recipient rendering,
// tracking, unsubscribe headers, pre-flight, machine-open rules and SES feedback. Pure code with
// no database; the email module's face re-exports from here.
//
// At save: compileContent → CompiledContent (store html, text, mjml; show issues) → contentChecks.
// At send, once per campaign: prepareTracking(compiled.html), then
// createPersonalizer({ subject, html: prepared.html, text }); per recipient: render(mergeContext(…)),
// prepared.render(message.html, urls) with tokens from signTrackingToken, and unsubscribeHeaders.
export { blocksToMjml, type BlocksToMjmlOptions } from './blocks-to-mjml';
export { compileContent, type CompileOptions, type CompiledContent } from './compile';
export { parseSesEvent, sampleSesEvent, sesEventSchema, type FeedbackEvent, type FeedbackKind, type SampleSesEventOptions, type SesEvent } from './feedback';
export { unsubscribeHeaders, type UnsubscribeHeaderInput } from './headers';
export { classifyClick, classifyOpen, type Classification, type TrackingRequest, type Verdict } from './machine-opens';
export { mergeContext, mergeFieldCatalog, sampleMergeContext, type MergeInput, type MergeSender } from './merge-fields';
export { createPersonalizer, renderLinkTarget, type MessageParts, type Personalizer } from './personalize';
export {
  audienceItem,
  contentChecks,
  domainItem,
  dryRenderItem,
  summarisePreflight,
  type ContentCheckInput,
  type DryRenderFailure,
} from './preflight';
export {
  prepareTracking,
  signTrackingToken,
  verifyTrackingToken,
  type PreparedTracking,
  type TrackedLink,
  type TrackingKind,
  type TrackingPayload,
  type TrackingUrls,
} from './tracking';
