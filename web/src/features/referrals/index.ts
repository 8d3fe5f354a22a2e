// The referrals feature's public entry: the inbox and the outbox, one referral's page, and the
// case page's section of consents and referrals.
export { CaseReferrals } from './CaseReferrals';
export { ReferralMetrics } from './Metrics';
export { ReferralPage } from './ReferralPage';
export { Referrals } from './Referrals';
