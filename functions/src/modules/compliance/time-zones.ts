// Where a contact may be, in IANA time zones, for the calling window. The compliance guard looks
// these up in SQL: the contact's own time zone when it is one we know; else its state or province
// (US, Canada, Australia); else every zone of its country; else every zone of the country (or
// countries) its phone number's calling code belongs to — a North American number by area code.
// Where a place spans zones, all of them count: a call must be inside the window in each.
// Country zones come from the runtime's CLDR data (Intl.Locale), the same data luxon reads.
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { IANAZone } from 'luxon';

const NY = 'America/New_York';
const CHI = 'America/Chicago';
const DEN = 'America/Denver';
const LA = 'America/Los_Angeles';

/** US states and territories: [code, name, zones]. Split states list every zone they span. */
const US_STATES: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['AL', 'Alabama', [CHI]],
  ['AK', 'Alaska', ['America/Anchorage', 'America/Adak']],
  ['AZ', 'Arizona', ['America/Phoenix', DEN]],
  ['AR', 'Arkansas', [CHI]],
  ['CA', 'California', [LA]],
  ['CO', 'Colorado', [DEN]],
  ['CT', 'Connecticut', [NY]],
  ['DE', 'Delaware', [NY]],
  ['DC', 'District of Columbia', [NY]],
  ['FL', 'Florida', [NY, CHI]],
  ['GA', 'Georgia', [NY]],
  ['HI', 'Hawaii', ['Pacific/Honolulu']],
  ['ID', 'Idaho', ['America/Boise', LA]],
  ['IL', 'Illinois', [CHI]],
  ['IN', 'Indiana', ['America/Indiana/Indianapolis', CHI]],
  ['IA', 'Iowa', [CHI]],
  ['KS', 'Kansas', [CHI, DEN]],
  ['KY', 'Kentucky', ['America/Kentucky/Louisville', CHI]],
  ['LA', 'Louisiana', [CHI]],
  ['ME', 'Maine', [NY]],
  ['MD', 'Maryland', [NY]],
  ['MA', 'Massachusetts', [NY]],
  ['MI', 'Michigan', ['America/Detroit', 'America/Menominee']],
  ['MN', 'Minnesota', [CHI]],
  ['MS', 'Mississippi', [CHI]],
  ['MO', 'Missouri', [CHI]],
  ['MT', 'Montana', [DEN]],
  ['NE', 'Nebraska', [CHI, DEN]],
  ['NV', 'Nevada', [LA, DEN]],
  ['NH', 'New Hampshire', [NY]],
  ['NJ', 'New Jersey', [NY]],
  ['NM', 'New Mexico', [DEN]],
  ['NY', 'New York', [NY]],
  ['NC', 'North Carolina', [NY]],
  ['ND', 'North Dakota', [CHI, DEN]],
  ['OH', 'Ohio', [NY]],
  ['OK', 'Oklahoma', [CHI]],
  ['OR', 'Oregon', [LA, 'America/Boise']],
  ['PA', 'Pennsylvania', [NY]],
  ['RI', 'Rhode Island', [NY]],
  ['SC', 'South Carolina', [NY]],
  ['SD', 'South Dakota', [CHI, DEN]],
  ['TN', 'Tennessee', [CHI, NY]],
  ['TX', 'Texas', [CHI, DEN]],
  ['UT', 'Utah', [DEN]],
  ['VT', 'Vermont', [NY]],
  ['VA', 'Virginia', [NY]],
  ['WA', 'Washington', [LA]],
  ['WV', 'West Virginia', [NY]],
  ['WI', 'Wisconsin', [CHI]],
  ['WY', 'Wyoming', [DEN]],
  ['PR', 'Puerto Rico', ['America/Puerto_Rico']],
  ['GU', 'Guam', ['Pacific/Guam']],
  ['VI', 'U.S. Virgin Islands', ['America/St_Thomas']],
  ['AS', 'American Samoa', ['Pacific/Pago_Pago']],
  ['MP', 'Northern Mariana Islands', ['Pacific/Saipan']],
];

const CA_PROVINCES: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['AB', 'Alberta', ['America/Edmonton']],
  ['BC', 'British Columbia', ['America/Vancouver', 'America/Dawson_Creek']],
  ['MB', 'Manitoba', ['America/Winnipeg']],
  ['NB', 'New Brunswick', ['America/Moncton']],
  ['NL', 'Newfoundland and Labrador', ['America/St_Johns', 'America/Goose_Bay']],
  ['NS', 'Nova Scotia', ['America/Halifax']],
  ['NT', 'Northwest Territories', ['America/Edmonton', 'America/Inuvik']],
  ['NU', 'Nunavut', ['America/Iqaluit', 'America/Rankin_Inlet', 'America/Cambridge_Bay']],
  ['ON', 'Ontario', ['America/Toronto', 'America/Winnipeg']],
  ['PE', 'Prince Edward Island', ['America/Halifax']],
  ['QC', 'Quebec', ['America/Toronto', 'America/Blanc-Sablon']],
  ['SK', 'Saskatchewan', ['America/Regina', 'America/Edmonton']],
  ['YT', 'Yukon', ['America/Whitehorse']],
];

const AU_STATES: ReadonlyArray<readonly [string, string, readonly string[]]> = [
  ['NSW', 'New South Wales', ['Australia/Sydney', 'Australia/Broken_Hill']],
  ['VIC', 'Victoria', ['Australia/Melbourne']],
  ['QLD', 'Queensland', ['Australia/Brisbane']],
  ['SA', 'South Australia', ['Australia/Adelaide']],
  ['WA', 'Western Australia', ['Australia/Perth', 'Australia/Eucla']],
  ['TAS', 'Tasmania', ['Australia/Hobart']],
  ['NT', 'Northern Territory', ['Australia/Darwin']],
  ['ACT', 'Australian Capital Territory', ['Australia/Sydney']],
];

/** Places CLDR gives no zone (calling-code territories, Kosovo). */
const COUNTRY_OVERRIDES: Record<string, readonly string[]> = {
  XK: ['Europe/Belgrade'],
  AC: ['Atlantic/St_Helena'],
  TA: ['Atlantic/St_Helena'],
};

/** Common names of zones that CLDR's lists do not carry. */
/**
 * Names a contact's time zone may carry that the runtime's list leaves out: aliases, and the IANA
 * names of zones ICU still lists under their old ones (Node lists Asia/Calcutta, not Asia/Kolkata).
 */
const EXTRA_ZONE_NAMES = [
  'UTC',
  'Etc/UTC',
  'GMT',
  'US/Eastern',
  'US/Central',
  'US/Mountain',
  'US/Pacific',
  'US/Alaska',
  'US/Hawaii',
  'US/Arizona',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Yangon',
  'Asia/Ho_Chi_Minh',
  'Europe/Kyiv',
  'Europe/Uzhgorod',
  'America/Nuuk',
  'America/Atikokan',
  'Pacific/Kanton',
  'Pacific/Chuuk',
  'Pacific/Pohnpei',
  'Atlantic/Faroe',
  'Africa/Asmara',
  'America/Argentina/Buenos_Aires',
  'America/Argentina/Cordoba',
  'America/Argentina/Jujuy',
  'America/Argentina/Mendoza',
  'America/Argentina/Catamarca',
  'America/Indiana/Indianapolis',
  'America/Kentucky/Louisville',
];

function countryZones(country: string): string[] {
  const override = COUNTRY_OVERRIDES[country];
  if (override) return [...override];
  try {
    const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & { getTimeZones?: () => string[]; timeZones?: string[] };
    return [...(locale.getTimeZones?.() ?? locale.timeZones ?? [])];
  } catch {
    return [];
  }
}

export interface ZoneMaps {
  /** Lower-case zone name → the zone (the contact's own time zone field). */
  zones: Map<string, string>;
  /** `${country}:${lower-case state code or name}` → zones. */
  regions: Map<string, string[]>;
  /** The same keys → `${country}:${state code}`, the key of the state's calling-hour rules. */
  regionCodes: Map<string, string>;
  /** ISO alpha-2 → zones. */
  countries: Map<string, string[]>;
  /** `+${calling code}`, or `+1${area code}` in North America → zones. */
  phonePrefixes: Map<string, string[]>;
  /** A regular expression (POSIX, for Postgres) capturing the prefix key of an E.164 number. */
  phonePrefixPattern: string;
}

const union = (lists: Iterable<readonly string[]>): string[] => [...new Set([...lists].flat())].sort();

function buildZoneMaps(): ZoneMaps {
  const countries = new Map<string, string[]>();
  const codes = new Set<string>([...getCountries(), ...Object.keys(COUNTRY_OVERRIDES)]);
  for (const code of codes) {
    const zones = countryZones(code);
    if (zones.length) countries.set(code, zones);
  }

  const regions = new Map<string, string[]>();
  const regionCodes = new Map<string, string>();
  const addRegions = (country: string, rows: ReadonlyArray<readonly [string, string, readonly string[]]>) => {
    for (const [code, name, zones] of rows) {
      for (const key of [code, name, `${country}-${code}`]) {
        regions.set(`${country}:${key.toLowerCase()}`, [...zones]);
        regionCodes.set(`${country}:${key.toLowerCase()}`, `${country}:${code}`);
      }
    }
  };
  addRegions('US', US_STATES);
  addRegions('CA', CA_PROVINCES);
  addRegions('AU', AU_STATES);

  // Calling codes shared by several countries (+7, +44, +1 …) carry the zones of them all.
  const byCallingCode = new Map<string, string[][]>();
  for (const code of getCountries()) {
    const callingCode = getCountryCallingCode(code);
    const zones = countries.get(code);
    if (zones) byCallingCode.set(callingCode, [...(byCallingCode.get(callingCode) ?? []), zones]);
  }
  const phonePrefixes = new Map<string, string[]>();
  for (const [callingCode, lists] of byCallingCode) phonePrefixes.set(`+${callingCode}`, union(lists));
  // North America shares +1: the area code tells the country. An area code no country claims
  // keeps the zones of all of North America's numbering plan.
  const nanp = phonePrefixes.get('+1') ?? [];
  for (let areaCode = 200; areaCode <= 999; areaCode++) {
    const country = parsePhoneNumberFromString(`+1${areaCode}2345678`)?.country as CountryCode | undefined;
    phonePrefixes.set(`+1${areaCode}`, (country && countries.get(country)) || nanp);
  }
  // Calling codes are prefix-free, so alternatives longest-first capture exactly one key.
  const single = [...byCallingCode.keys()].filter((c) => c !== '1').sort((a, b) => b.length - a.length);
  const phonePrefixPattern = `^(\\+(?:1[2-9][0-9]{2}|${single.join('|')}))`;

  const zones = new Map<string, string>();
  const known = [
    ...(Intl.supportedValuesOf('timeZone') as string[]),
    ...[...countries.values()].flat(),
    ...[...regions.values()].flat(),
    ...EXTRA_ZONE_NAMES,
  ];
  for (const zone of known) if (IANAZone.isValidZone(zone)) zones.set(zone.toLowerCase(), zone);

  return { zones, regions, regionCodes, countries, phonePrefixes, phonePrefixPattern };
}

let cached: ZoneMaps | undefined;

/** Built once per process from CLDR and libphonenumber metadata (a few milliseconds). */
export function zoneMaps(): ZoneMaps {
  cached ??= buildZoneMaps();
  return cached;
}

/**
 * The same rule in plain code, for one contact: the zones a call must respect, or an empty list
 * when nothing tells where the contact is. The guard applies it in SQL; tests compare the two.
 */
export function candidateZones(contact: {
  timezone?: string | null;
  country?: string | null;
  state?: string | null;
  phones: ReadonlyArray<string | null | undefined>;
}): string[] {
  const maps = zoneMaps();
  const own = contact.timezone ? maps.zones.get(contact.timezone.trim().toLowerCase()) : undefined;
  if (own) return [own];
  const country = contact.country?.trim().toUpperCase();
  if (country) {
    const region = contact.state ? maps.regions.get(`${country}:${contact.state.trim().toLowerCase()}`) : undefined;
    if (region) return region;
    const zones = maps.countries.get(country);
    if (zones) return zones;
  }
  const pattern = new RegExp(maps.phonePrefixPattern);
  const fromPhones = contact.phones.flatMap((phone) => {
    const key = phone ? pattern.exec(phone)?.[1] : undefined;
    return (key && maps.phonePrefixes.get(key)) || [];
  });
  return union([fromPhones]);
}
