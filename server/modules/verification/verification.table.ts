export interface OtpChallengeTable {
  id: string;
  phone: string;
  purpose: 'appeal';
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
