// The accounts module's face (accounts and contacts: writes, bulk actions and undo, history, search):
// the only file other code imports from this module.
export { accountsModule } from './routes';
export { contactViews } from './contacts-service';
export { fieldChangeSource } from './timeline-source';
