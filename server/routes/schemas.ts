import { Type } from '@sinclair/typebox';
import { ErrorResponse } from '../../src/core/api/common';

const ErrorRef = Type.Ref(ErrorResponse);

/** Response schemas for the error statuses a route can answer, all in the one error shape. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, ErrorRef]));
}
