import { Type, type Static } from '@sinclair/typebox';
import { ROLES, type Role } from '../roles';

/** The error shape of every failed response. */
export const ErrorResponse = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { $id: 'ErrorResponse' },
);
export type ErrorResponse = Static<typeof ErrorResponse>;

/** A role name; an enum (not a union of literals) so a bad value yields one clear error. */
export const RoleSchema = Type.Unsafe<Role>(Type.String({ enum: [...ROLES] }));

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });
export type IdParams = Static<typeof IdParams>;
