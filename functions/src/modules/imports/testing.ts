// The imports module's test fixtures, for other code's tests (never for production code): rows
// of the data template as a CSV file.
export { person, templateCsv } from './fixtures/template-header';
