import { Type, type Static } from '@sinclair/typebox';
import { RoleSchema } from './common';

export const RoleGrantView = Type.Object({
  role: RoleSchema,
  unitId: Type.Integer(),
  unitName: Type.String(),
  /** A street grant covers all its communities; the app names the unit only for a community. */
  unitKind: Type.Union([Type.Literal('street'), Type.Literal('community')]),
});

/** Who is signed in, as 我的 shows it. */
export const Me = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  roles: Type.Array(RoleGrantView),
  community: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
  elderMode: Type.Boolean(),
  phone: Type.Union([Type.String(), Type.Null()], { description: 'masked, e.g. 138****5678' }),
});
export type Me = Static<typeof Me>;

export const Session = Type.Object({
  accessToken: Type.String(),
  /** Seconds until the access token expires. */
  expiresIn: Type.Integer(),
  refreshToken: Type.String(),
  user: Me,
});
export type Session = Static<typeof Session>;

export const WechatLoginBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);
export type WechatLoginBody = Static<typeof WechatLoginBody>;

export const DevLoginBody = Type.Object(
  {
    role: RoleSchema,
    /** A named identity; without it, the seeded demo account of that role. */
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
  },
  { additionalProperties: false },
);
export type DevLoginBody = Static<typeof DevLoginBody>;

export const PasswordLoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type PasswordLoginBody = Static<typeof PasswordLoginBody>;

export const RefreshBody = Type.Object(
  { refreshToken: Type.String({ minLength: 1, maxLength: 512 }) },
  { additionalProperties: false },
);
export type RefreshBody = Static<typeof RefreshBody>;

export const DemoAccount = Type.Object({
  role: RoleSchema,
  name: Type.String(),
  /** What the login page shows on the button, e.g. 居民 · 张桂兰. */
  label: Type.String(),
});
export type DemoAccount = Static<typeof DemoAccount>;

/** What the login page needs to know before anyone signs in. */
export const AuthOptions = Type.Object({
  devLogin: Type.Boolean(),
  passwordLogin: Type.Boolean(),
  demoAccounts: Type.Array(DemoAccount),
});
export type AuthOptions = Static<typeof AuthOptions>;

export const UpdateMeBody = Type.Object(
  { elderMode: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export type UpdateMeBody = Static<typeof UpdateMeBody>;

export const CreateStaffBody = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 32, pattern: '^[A-Za-z0-9_.-]+$' }),
    name: Type.String({ minLength: 1, maxLength: 32 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    roles: Type.Array(Type.Object({ role: RoleSchema, unitId: Type.Integer({ minimum: 1 }) }), {
      minItems: 1,
      maxItems: 20,
    }),
  },
  { additionalProperties: false },
);
export type CreateStaffBody = Static<typeof CreateStaffBody>;
