import { Cell } from '@nutui/nutui-react-taro';
import { openStaffPosts } from '../../services/navigation';

function openStaffPages() {
  openStaffPosts().catch(() => undefined);
}

/** The way into 三审三校 for editors and reviewers; residents never see it. */
export function StaffEntryCell() {
  return <Cell title="稿件与审核" description="写稿件、审稿件（三审三校）" clickable onClick={openStaffPages} />;
}
