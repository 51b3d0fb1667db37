// Countries to ISO 3166-1 alpha-2 codes ("United States", "USA", "u.s.", "us" → "US"). Names
// come from the runtime's CLDR data (Intl.DisplayNames, in Node and every browser) plus the
// aliases people actually type; no country table to keep up to date by hand.

/** The ISO 3166-1 alpha-2 codes in use. */
export const COUNTRY_CODES = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ ' +
  'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR ' +
  'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP ' +
  'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT ' +
  'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW ' +
  'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG ' +
  'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW'
).split(' ');

const CODE_SET: ReadonlySet<string> = new Set(COUNTRY_CODES);

/** Names and codes people write that CLDR's English names do not cover. Keys are name keys. */
const ALIASES: Record<string, string> = {
  usa: 'US', 'united states of america': 'US', america: 'US', 'united states': 'US',
  uk: 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB',
  'northern ireland': 'GB', 'united kingdom of great britain and northern ireland': 'GB',
  uae: 'AE', emirates: 'AE', deutschland: 'DE', holland: 'NL', 'the netherlands': 'NL',
  'russian federation': 'RU', korea: 'KR', 'republic of korea': 'KR', 'korea republic of': 'KR',
  'czech republic': 'CZ', turkey: 'TR', turkiye: 'TR', 'ivory coast': 'CI', 'cote d ivoire': 'CI',
  'viet nam': 'VN', 'hong kong': 'HK', macau: 'MO', macao: 'MO', burma: 'MM', myanmar: 'MM',
  swaziland: 'SZ', 'cabo verde': 'CV', vatican: 'VA', 'holy see': 'VA', 'east timor': 'TL',
  macedonia: 'MK', 'democratic republic of the congo': 'CD', 'dr congo': 'CD', 'republic of the congo': 'CG',
  palestine: 'PS', 'people s republic of china': 'CN', prc: 'CN', 'mainland china': 'CN',
  'republic of china': 'TW', brasil: 'BR', espana: 'ES', mexique: 'MX', suisse: 'CH', schweiz: 'CH',
  osterreich: 'AT', italia: 'IT', nederland: 'NL', belgique: 'BE', polska: 'PL', sverige: 'SE',
  norge: 'NO', danmark: 'DK', suomi: 'FI', eire: 'IE', nippon: 'JP', 'south africa rsa': 'ZA', ksa: 'SA',
  // Common ISO alpha-3 codes.
  gbr: 'GB', deu: 'DE', fra: 'FR', can: 'CA', aus: 'AU', ind: 'IN', chn: 'CN', jpn: 'JP', bra: 'BR',
  mex: 'MX', esp: 'ES', ita: 'IT', nld: 'NL', bel: 'BE', che: 'CH', aut: 'AT', swe: 'SE', nor: 'NO',
  dnk: 'DK', fin: 'FI', irl: 'IE', prt: 'PT', pol: 'PL', cze: 'CZ', hun: 'HU', rou: 'RO', grc: 'GR',
  tur: 'TR', rus: 'RU', ukr: 'UA', isr: 'IL', are: 'AE', sau: 'SA', zaf: 'ZA', nga: 'NG', egy: 'EG',
  ken: 'KE', sgp: 'SG', mys: 'MY', idn: 'ID', phl: 'PH', tha: 'TH', vnm: 'VN', kor: 'KR', twn: 'TW',
  hkg: 'HK', nzl: 'NZ', arg: 'AR', chl: 'CL', col: 'CO', per: 'PE', pak: 'PK', bgd: 'BD', lka: 'LK',
};

/** Lower-case ASCII words: diacritics, punctuation, "the" and "&" tidied; "saint" → "st". */
function nameKey(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\bsaint\b/g, 'st')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/^the /, '')
    .trim();
}

let byName: Map<string, string> | undefined;

function namesIndex(): Map<string, string> {
  if (byName) return byName;
  const index = new Map<string, string>();
  const display = new Intl.DisplayNames(['en'], { type: 'region' });
  for (const code of COUNTRY_CODES) {
    const name = display.of(code);
    if (!name) continue;
    index.set(nameKey(name), code);
    // "Myanmar (Burma)", "Hong Kong SAR China": the name without its qualifier too.
    index.set(nameKey(name.replace(/\s*\(.*\)$/, '').replace(/ SAR China$/, '')), code);
  }
  for (const [alias, code] of Object.entries(ALIASES)) index.set(nameKey(alias), code);
  byName = index;
  return index;
}

/** The alpha-2 code of a country name or code, or null when it is not recognised. Idempotent. */
export function normalizeCountry(input: string | null | undefined): string | null {
  if (input === null || input === undefined) return null;
  const value = String(input).trim();
  if (!value || value.length > 100) return null;
  if (/^[A-Za-z]{2}$/.test(value)) {
    const code = value.toUpperCase();
    if (code === 'UK') return 'GB';
    return CODE_SET.has(code) ? code : null;
  }
  const key = nameKey(value);
  if (!key) return null;
  return namesIndex().get(key) ?? null;
}

let options: ReadonlyArray<{ value: string; label: string }> | undefined;

/** Every country as a choice: the code as the value, its English name as the label, by name. */
export function countryOptions(): ReadonlyArray<{ value: string; label: string }> {
  if (options) return options;
  const display = new Intl.DisplayNames(['en'], { type: 'region' });
  options = COUNTRY_CODES.map((code) => ({ value: code, label: display.of(code) ?? code })).sort((a, b) => a.label.localeCompare(b.label, 'en'));
  return options;
}

/** The English name of an alpha-2 code ("DE" → "Germany"); the code itself when unknown. */
export function countryName(code: string): string {
  if (!CODE_SET.has(code)) return code;
  return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
}
