/** The Management API audiences of the emulated tenant, for the token endpoint and for the tokens it checks. */
import type { EmulatorRequest } from '../http/exchange.js';

/**
 * `https://{domain}/api/v2/`, Auth0's identifier of the Management API, always; and over plain HTTP
 * `http://{domain}/api/v2/` too. Decision: the emulator is the tenant at the address it is reached at, and the SDKs'
 * plain-HTTP settings ask for that audience (go-auth0's `option.WithInsecure()`, auth0-java's `.url("http://…")`:
 * `parsedURL.Scheme + "://" + parsedURL.Host + "/api/v2/"` and `baseUrl + "/api/v2/"`).
 */
export function managementApiAudiences(domain: string, scheme: EmulatorRequest['scheme']): readonly string[] {
  const audience = `https://${domain}/api/v2/`;
  return scheme === 'http' ? [audience, `http://${domain}/api/v2/`] : [audience];
}
