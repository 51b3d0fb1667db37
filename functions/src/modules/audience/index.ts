// The audience module's face (segments, static lists, domain sets): the only file other code
// imports from this module.
export { audienceModule } from './routes';
export { addAccountContactsToList, addContactsToList, createList } from './lists';
export { addImportedContactsToList } from './import-hook';
export { createDomainSet, deleteDomainSet, domainSetAudienceSql, replaceDomainSetEntries } from './domain-sets';
export { compileSegment, createSegment, previewSegment, updateSegment } from './segments';
export { companyNameKey, trigramSimilarity } from './company-name';
export { listMembershipSource } from './timeline-source';
export { selectionAudienceSql } from './selection-audience';
