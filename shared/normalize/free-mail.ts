// Free and consumer mailbox domains: an address at one of them says nothing about the person's
// company, so it never creates or matches an account. Registrable domains, lower-case.
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  // Google, Microsoft, Yahoo, Apple, AOL
  'gmail.com', 'googlemail.com',
  'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'hotmail.fr', 'hotmail.de', 'hotmail.it', 'hotmail.es',
  'live.com', 'live.co.uk', 'live.fr', 'msn.com', 'passport.com',
  'yahoo.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'yahoo.it', 'yahoo.es', 'yahoo.ca', 'yahoo.com.au',
  'yahoo.co.in', 'yahoo.co.jp', 'yahoo.com.br', 'ymail.com', 'rocketmail.com',
  'icloud.com', 'me.com', 'mac.com',
  'aol.com', 'aim.com', 'verizon.net', 'att.net', 'sbcglobal.net', 'bellsouth.net', 'comcast.net',
  'cox.net', 'charter.net', 'earthlink.net', 'optonline.net', 'frontier.com', 'windstream.net',
  // privacy-focused and independent providers
  'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me', 'tutanota.com', 'tuta.io', 'tutamail.com',
  'fastmail.com', 'fastmail.fm', 'hey.com', 'zoho.com', 'zohomail.com', 'mail.com', 'email.com',
  'gmx.com', 'gmx.net', 'gmx.de', 'gmx.at', 'gmx.ch', 'web.de', 't-online.de', 'freenet.de',
  'posteo.de', 'mailbox.org', 'hushmail.com', 'runbox.com', 'disroot.org', 'yandex.com', 'yandex.ru',
  'ya.ru', 'mail.ru', 'bk.ru', 'inbox.ru', 'list.ru', 'rambler.ru',
  // national and ISP mail
  'orange.fr', 'wanadoo.fr', 'free.fr', 'sfr.fr', 'laposte.net', 'neuf.fr', 'bbox.fr',
  'libero.it', 'virgilio.it', 'alice.it', 'tiscali.it', 'tin.it',
  'btinternet.com', 'sky.com', 'virginmedia.com', 'talktalk.net', 'ntlworld.com', 'blueyonder.co.uk',
  'bigpond.com', 'bigpond.net.au', 'optusnet.com.au', 'shaw.ca', 'rogers.com', 'sympatico.ca',
  'telus.net', 'videotron.ca', 'terra.com.br', 'uol.com.br', 'bol.com.br', 'ig.com.br',
  'rediffmail.com', 'qq.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sohu.com', 'naver.com',
  'hanmail.net', 'daum.net', 'seznam.cz', 'centrum.cz', 'wp.pl', 'o2.pl', 'onet.pl', 'interia.pl',
  'bluewin.ch', 'telenet.be', 'skynet.be', 'planet.nl', 'ziggo.nl', 'home.nl', 'kpnmail.nl',
  'xs4all.nl', 'online.no', 'telia.com', 'eircom.net', 'sapo.pt', 'netcabo.pt',
  // disposable mailboxes
  'mailinator.com', 'guerrillamail.com', '10minutemail.com', 'temp-mail.org', 'trashmail.com',
  'yopmail.com', 'sharklasers.com', 'getnada.com', 'dispostable.com', 'maildrop.cc',
]);

/** True when the registrable domain is a free or consumer mailbox provider. */
export function isFreeMailDomain(domain: string | null | undefined): boolean {
  return !!domain && FREE_MAIL_DOMAINS.has(domain.toLowerCase());
}
