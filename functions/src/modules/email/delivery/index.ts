// The email delivery layer's face: providers (SES, SendGrid, Mailgun) behind one interface with
// classified send errors, the per-identity rate gate, and the SES deliverability settings.
export {
  classifyHttpStatus,
  classifySendError,
  SendBlockedError,
  SendError,
  SendRejectedError,
  SendThrottledError,
  SendTransientError,
  SendUncertainError,
  type EmailProvider,
  type Mailbox,
  type MessageHeader,
  type OutgoingMessage,
  type ProviderName,
  type SendErrorKind,
  type SendErrorOptions,
} from './provider';
export { createProvider, type ProviderKind, type ProviderSettings } from './providers';
export { classifySesError, createSesProvider, sesEmailTags, sesSendEmailInput } from './ses';
export { createSendGridProvider, sendGridMailBody, type SendGridSettings } from './sendgrid';
export { createMailgunProvider, mailgunMessageForm, type MailgunSettings } from './mailgun';
export { asciiAddress, formatMailbox } from './mailbox';
export {
  acquireSendSlots,
  paceSends,
  type PaceOptions,
  type PaceResult,
  type SendSlotGrant,
  type SendSlotRequest,
} from './rate-gate';
export {
  checkTrackingDomain,
  createSendingDomain,
  ensureConfigurationSet,
  ensureDedicatedIpPool,
  PUBLISHED_EVENT_TYPES,
  refreshSendingDomain,
  type CnameResolver,
  type ConfigurationSetOptions,
  type DnsRecord,
  type SendingDomainOptions,
  type SendingDomainState,
  type TrackingDomainCheck,
} from './identities';
