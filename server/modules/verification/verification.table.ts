/** What a one-time code may be used for. */
export type OtpPurpose = 'appeal' | 'online';

export interface OtpChallengeTable {
  id: string;
  phone: string;
  /** What the code proves a phone for: filing an appeal, or joining an online consultation. */
  purpose: OtpPurpose;
  /** sha256 of the challenge id and the code: the code itself is never stored. */
  code_hash: string;
  created_at: string;
  expires_at: string;
  attempts: number;
  consumed_at: string | null;
  ip: string | null;
}

export interface VerificationTables {
  otp_challenge: OtpChallengeTable;
}
