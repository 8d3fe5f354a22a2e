// Consents and referrals as the API tests make them: on a case of the demo case worker's
// organisation (tests/cases/fixture.mjs), to the demo service provider's NGO unless told.
import { api, expectStatus } from '../support/client.mjs';
import { daysAgo } from '../support/days.mjs';

export const NGO = 'Associazione Diritti in Rete (demo)';

// The consent as recorded (the case's list answers every consent; the last one is the new one).
export async function recordConsent(worker, caseId, organizationId, dataItems, fields = {}) {
  const list = expectStatus(
    await api('POST', `/cases/${caseId}/consents`, {
      session: worker,
      body: { organization_id: organizationId, data_items: dataItems, purpose: 'Presa in carico', given_on: daysAgo(1), ...fields },
    }),
    201,
  );
  return list.items.at(-1);
}

export const referralBody = (caseId, organizationId, fields = {}) => ({
  case_id: caseId,
  organization_id: organizationId,
  reason: 'Valutazione psicologica',
  urgency: 'normal',
  data_items: ['identity'],
  ...fields,
});

// A referral sent at once under the consent.
export async function sendReferral(worker, caseId, organizationId, consentId, fields = {}) {
  return expectStatus(
    await api('POST', '/referrals', {
      session: worker,
      body: referralBody(caseId, organizationId, { send: true, consent_id: consentId, ...fields }),
    }),
    201,
  );
}
