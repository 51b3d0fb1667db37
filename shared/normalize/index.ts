// Normalizers of natural keys and template values, shared by the API, the importer and the UI.
// Each returns null for input it cannot read, never throws, and is idempotent.
export * from './free-mail';
export * from './normalize-country';
export * from './normalize-domain';
export * from './normalize-email';
export * from './normalize-name';
export * from './normalize-phone';
export * from './normalize-range';
