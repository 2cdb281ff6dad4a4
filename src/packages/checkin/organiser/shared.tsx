// Shared by the code screen and the attendance list (both under packages/checkin).
import { ShieldCheck } from '@nutui/icons-react-taro';
import { EmptyState } from '../../../components/empty-state';
import type { ApiError } from '../../../services/api-error';

/** A talk id from the route, or null for anything that is not one. */
export function talkIdFrom(params: Record<string, string | undefined>): number | null {
  const id = Number(params.id);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * The server's 403 on a talk's check-in screens; 重试 is left out, since asking again
 * changes nothing.
 */
export function NotOrganiser({ error }: { error: ApiError }) {
  return (
    <EmptyState
      icon={<ShieldCheck />}
      title={error.message}
      description="只有这场宣讲的宣讲员，或主办社区的工作人员，才能打开签到二维码和签到名单。"
    />
  );
}
