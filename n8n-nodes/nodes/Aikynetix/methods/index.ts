export { aikynetixApiTest } from './credentialTest';
export { searchSessions } from './searchSessions';
