/**
 * better-auth's core tables. better-auth reads and writes them through its own Kysely adapter;
 * these types are for our joins (user names, emails). SQLite stores booleans as 0/1 and dates as
 * text; PostgreSQL uses boolean and timestamptz, so both shapes are allowed here.
 */
import type { ColumnType, Selectable } from 'kysely';

type AuthTimestamp = ColumnType<Date | string, Date | string, Date | string>;
type AuthBoolean = ColumnType<boolean | number, boolean | number, boolean | number>;

export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: AuthBoolean;
  image: string | null;
  createdAt: AuthTimestamp;
  updatedAt: AuthTimestamp;
}

export interface SessionTable {
  id: string;
  expiresAt: AuthTimestamp;
  token: string;
  createdAt: AuthTimestamp;
  updatedAt: AuthTimestamp;
  ipAddress: string | null;
  userAgent: string | null;
  userId: string;
}

export interface AccountTable {
  id: string;
  accountId: string;
  providerId: string;
  userId: string;
  accessToken: string | null;
  refreshToken: string | null;
  idToken: string | null;
  accessTokenExpiresAt: AuthTimestamp | null;
  refreshTokenExpiresAt: AuthTimestamp | null;
  scope: string | null;
  password: string | null;
  createdAt: AuthTimestamp;
  updatedAt: AuthTimestamp;
}

export interface VerificationTable {
  id: string;
  identifier: string;
  value: string;
  expiresAt: AuthTimestamp;
  createdAt: AuthTimestamp;
  updatedAt: AuthTimestamp;
}

export interface RateLimitTable {
  id: string;
  key: string;
  count: number;
  lastRequest: ColumnType<number, number | bigint, number | bigint>;
}

export type UserRow = Selectable<UserTable>;
