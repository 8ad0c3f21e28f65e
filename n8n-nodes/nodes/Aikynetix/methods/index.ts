export { aikynetixApiTest } from '../../shared/credentialTest';
export { searchProcessedSessions, searchSessions } from './searchSessions';
